"""The last readability score of each page text, so the admin can list pages that need work.

A row per page and variant (``full`` text, ``plain`` language version). Rows are refreshed in
the background (``tasks.py``, queued by ``signals.py``) whenever a page revision is saved
(drafts, autosave, publishing) and when a page is saved directly, from the texts the page type
names (see :func:`site_app.readability.sources_for`).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from site_app import readability


class ReadabilityScore(models.Model):
    class Variant(models.TextChoices):
        FULL = "full", _("volledige tekst")
        PLAIN = "plain", _("klare taal")

    page = models.ForeignKey(
        Page, verbose_name=_("pagina"), on_delete=models.CASCADE, related_name="readability_scores"
    )
    variant = models.CharField(_("versie"), max_length=10, choices=Variant.choices)
    language = models.CharField(_("taal"), max_length=10)
    targets = models.CharField(_("doelen"), max_length=10)
    sentences = models.PositiveIntegerField(_("zinnen"))
    words = models.PositiveIntegerField(_("woorden"))
    syllables = models.PositiveIntegerField(_("lettergrepen"))
    long_words = models.PositiveIntegerField(_("lange woorden"))
    average_sentence_length = models.FloatField(_("gemiddelde zinslengte"))
    longest_sentence = models.PositiveIntegerField(_("langste zin"))
    longest_sentence_text = models.TextField(_("tekst van de langste zin"), blank=True)
    flesch = models.FloatField(_("Flesch-score"), null=True, blank=True)
    meets_targets = models.BooleanField(_("haalt de doelen"), db_index=True)
    updated_at = models.DateTimeField(_("gemeten op"), auto_now=True)

    class Meta:
        app_label = "site_app"
        verbose_name = _("leesbaarheidsscore")
        verbose_name_plural = _("leesbaarheidsscores")
        ordering = ["meets_targets", "flesch"]
        constraints = [
            models.UniqueConstraint(fields=["page", "variant"], name="readability_one_per_variant")
        ]

    def __str__(self):
        return f"{self.page_id} {self.variant}: {self.flesch}"

    @property
    def target_set(self) -> readability.Targets:
        return readability.TARGETS.get(self.targets, readability.STANDARD)

    @property
    def long_word_share(self) -> float:
        return self.long_words / self.words if self.words else 0.0

    def as_score(self) -> readability.Score:
        """The stored figures as a Score (sentence lengths are not stored, only the longest)."""
        lengths = [self.longest_sentence]
        rest = self.words - self.longest_sentence
        others = self.sentences - 1
        lengths += [rest / others] * others if others > 0 else []
        return readability.Score(
            language=self.language,
            sentence_lengths=tuple(lengths),
            words=self.words,
            syllables=self.syllables,
            long_words=self.long_words,
            longest_sentence_text=self.longest_sentence_text,
        )

    @property
    def problems(self) -> list[str]:
        return self.as_score().problems(self.target_set)

    @classmethod
    def update_for(cls, page) -> list["ReadabilityScore"]:
        """Measure ``page`` (a specific page instance) and store one row per variant."""
        scores = readability.score_page(page)
        stored = []
        for variant, (targets, score) in scores.items():
            if score.is_empty:
                cls.objects.filter(page_id=page.pk, variant=variant).delete()
                continue
            row, _created = cls.objects.update_or_create(
                page_id=page.pk,
                variant=variant,
                defaults={
                    "language": score.language,
                    "targets": targets.key,
                    "sentences": score.sentences,
                    "words": score.words,
                    "syllables": score.syllables,
                    "long_words": score.long_words,
                    "average_sentence_length": round(score.average_sentence_length, 2),
                    "longest_sentence": score.longest_sentence,
                    "longest_sentence_text": score.longest_sentence_text[:2000],
                    "flesch": None if score.flesch is None else round(score.flesch, 2),
                    "meets_targets": score.meets(targets),
                },
            )
            stored.append(row)
        cls.objects.filter(page_id=page.pk).exclude(variant__in=scores.keys()).delete()
        return stored
