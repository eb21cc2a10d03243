"""Citizens' proposals for the council's agenda: forms, public and private views, mail,
moderation (the models are in :mod:`gemeenteraad.models.proposals`)."""
