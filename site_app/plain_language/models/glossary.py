"""The glossary: difficult words with a plain definition, in every language that needs them.

Pages mark the first occurrence of each term in their rich text (see
``site_app/plain_language/glossary.py``) and list the definitions of the words they use; the
glossary page lists all of them A-Z.
"""

import re

from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from site_app.models.taxonomy import TranslatableSlugMixin


class GlossaryTerm(TranslatableSlugMixin, index.Indexed, models.Model):
    term = models.CharField(
        _("woord"),
        max_length=80,
        help_text=_("Het woord zoals het meestal in de tekst staat, bijvoorbeeld: wijk."),
    )
    slug = models.SlugField(
        _("slug"),
        max_length=80,
        blank=True,
        help_text=_(
            "Korte naam voor het webadres van de uitleg (#wijk). Laat leeg om hem uit het woord "
            "te maken. Vertalingen houden dezelfde slug."
        ),
    )
    variants = models.CharField(
        _("andere vormen"),
        max_length=255,
        blank=True,
        help_text=_(
            "Meervoud of andere schrijfwijzen die ook uitgelegd worden, gescheiden door komma's. "
            "Bijvoorbeeld: wijken."
        ),
    )
    definition = models.TextField(
        _("uitleg"),
        max_length=400,
        help_text=_(
            "Leg het woord uit in eenvoudige woorden (taalniveau B1). "
            "Korte zinnen, hoogstens 15 woorden per zin."
        ),
    )

    panels = ["term", "variants", "definition", "slug"]
    search_fields = [
        index.SearchField("term"),
        index.SearchField("variants"),
        index.SearchField("definition"),
        index.AutocompleteField("term"),
        index.FilterField("locale_id"),
    ]
    override_translatable_fields = [
        SynchronizedField("slug"),
        TranslatableField("term"),
        TranslatableField("variants"),
        TranslatableField("definition"),
    ]

    class Meta(TranslatableSlugMixin.Meta):
        app_label = "site_app"
        verbose_name = _("moeilijk woord")
        verbose_name_plural = _("woordenlijst")
        ordering = ["term"]

    def __str__(self):
        return self.term

    def save(self, *args, **kwargs):
        self._fill_slug()
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        self._fill_slug()

    def _fill_slug(self):
        if not self.slug:
            self.slug = slugify(self.term)[:80] or f"woord-{self.translation_key.hex[:8]}"

    @property
    def forms(self) -> list[str]:
        """The term and its variants, longest first (so 'wijkbudget' wins over 'wijk')."""
        forms = [self.term, *(v for v in re.split(r"\s*,\s*", self.variants) if v)]
        unique = list(dict.fromkeys(form.strip() for form in forms if form.strip()))
        return sorted(unique, key=len, reverse=True)

    @property
    def anchor(self) -> str:
        """The HTML id of this term's entry on a page and on the glossary page."""
        return f"woord-{self.slug}"

    @property
    def _sortable(self) -> str:
        term = self.term.strip()
        # Arabic: sort and group by the word, not by its article "al-".
        if term.startswith("ال") and len(term) > 3:
            term = term[2:]
        return term

    @property
    def sort_key(self) -> str:
        return self._sortable.casefold()

    @property
    def initial(self) -> str:
        """The letter the term is listed under A-Z (digits go under '#')."""
        first = self._sortable[:1].upper()
        return first if first.isalpha() else "#"
