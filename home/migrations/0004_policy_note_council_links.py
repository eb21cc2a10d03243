"""The policy note's commission and alderman become links to the council's bodies and mandates.

The free text is matched to a body (by name or short name) and to an alderman's mandate (by the
person's name appearing in the text); where nothing matches the link stays empty and the page
stays valid. The old text fields are then removed.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

import site_app.models.pages

ALDERMAN_ROLES = ["schepen", "burgemeester"]


def link_free_text(apps, schema_editor):
    PolicyNotePage = apps.get_model("home", "PolicyNotePage")
    CouncilBody = apps.get_model("gemeenteraad", "CouncilBody")
    Mandate = apps.get_model("gemeenteraad", "Mandate")
    bodies = list(CouncilBody.objects.filter(locale__language_code=settings.LANGUAGE_CODE))
    mandates = list(Mandate.objects.filter(role__in=ALDERMAN_ROLES).select_related("person"))
    for page in PolicyNotePage.objects.all():
        changed = False
        text = (page.commission_text or "").strip().lower()
        if text:
            body = next(
                (b for b in bodies if text in {b.name.lower(), (b.short_name or "").lower()}),
                None,
            )
            if body is not None:
                page.commission = body
                changed = True
        text = (page.alderman_text or "").lower()
        if text:
            mandate = next(
                (
                    m
                    for m in mandates
                    if f"{m.person.given_name} {m.person.family_name}".lower() in text
                ),
                None,
            )
            if mandate is not None:
                page.alderman = mandate
                changed = True
        if changed:
            page.save(update_fields=["commission", "alderman"])


class Migration(migrations.Migration):
    dependencies = [
        ("gemeenteraad", "0001_initial"),
        ("home", "0003_glossarypage_policynotepage"),
    ]

    operations = [
        migrations.RenameField("policynotepage", "alderman", "alderman_text"),
        migrations.RenameField("policynotepage", "commission", "commission_text"),
        migrations.AddField(
            model_name="policynotepage",
            name="alderman",
            field=models.ForeignKey(
                blank=True,
                limit_choices_to={"role__in": ["schepen", "burgemeester"]},
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="policy_notes",
                to="gemeenteraad.mandate",
                verbose_name="verantwoordelijke schepen",
            ),
        ),
        migrations.AddField(
            model_name="policynotepage",
            name="commission",
            field=models.ForeignKey(
                blank=True,
                help_text="Bijv. Commissie Onderwijs, Welzijn en Participatie.",
                limit_choices_to=site_app.models.pages.source_locale_only,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="policy_notes",
                to="gemeenteraad.councilbody",
                verbose_name="commissie",
            ),
        ),
        migrations.RunPython(link_free_text, migrations.RunPython.noop),
        migrations.RemoveField("policynotepage", "alderman_text"),
        migrations.RemoveField("policynotepage", "commission_text"),
    ]
