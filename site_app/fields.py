"""A StreamField that keeps its block definitions out of migrations.

Block definitions change often (a new help text, a new block); with the stock field every such
change writes a migration holding the whole block tree. The stored JSON does not depend on
the definitions, so migrations do not need them.
"""

from django.db import models
from wagtail.fields import StreamField as WagtailStreamField


class StreamField(WagtailStreamField):
    def deconstruct(self):
        name, _path, _args, kwargs = models.Field.deconstruct(self)
        # Match what Wagtail's own field reports for an empty definition, so the migration
        # autodetector sees no change.
        kwargs["block_lookup"] = {}
        return name, "wagtail.fields.StreamField", [[]], kwargs
