"""A notice: a row with themes and wijken, in one language, that is not a Wagtail page.

Installed by the test settings only, with its own migration (so PostgreSQL creates its table
after the Locale table it points at); its feed source is registered only by the tests that
use it.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from site_app import feeds


class Notice(models.Model):
    title = models.CharField(max_length=200)
    summary = models.TextField(blank=True)
    author = models.CharField(max_length=100, blank=True)
    published_at = models.DateTimeField()
    updated_at = models.DateTimeField(auto_now=True)
    is_public = models.BooleanField(default=True)
    locale = models.ForeignKey("wagtailcore.Locale", on_delete=models.CASCADE, related_name="+")
    themes = models.ManyToManyField("site_app.Theme", blank=True, related_name="+")
    wijken = models.ManyToManyField("site_app.Wijk", blank=True, related_name="+")

    def __str__(self):
        return self.title


class NoticeSource(feeds.FeedSource):
    kind = "mededeling"
    label = _("Mededeling")

    def get_queryset(self, locale):
        return (
            Notice.objects.filter(locale=locale, is_public=True)
            .select_related("locale")
            .prefetch_related("themes", "wijken")
            .annotate(feed_date=models.F("published_at"))
        )

    def to_entry(self, notice, request):
        return feeds.FeedEntry(
            guid=feeds.tag_uri(self.kind, notice.pk),
            title=notice.title,
            link=request.build_absolute_uri(f"/{notice.locale.language_code}/#notice-{notice.pk}"),
            summary=notice.summary,
            published=notice.published_at,
            updated=max(notice.updated_at, notice.published_at),
            kind=self.kind,
            kind_label=str(self.label),
            categories=self.categories(notice),
            authors=(notice.author,) if notice.author else (),
        )
