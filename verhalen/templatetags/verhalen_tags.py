"""Template helpers for the story pages (``json_ld`` now lives in site_tags; kept here so
story templates that load verhalen_tags keep working)."""

from django import template

from site_app.templatetags.site_tags import json_ld

register = template.Library()
register.filter("json_ld", json_ld)
