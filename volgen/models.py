"""Theme pages, and e-mail alerts without an account.

- :class:`ThemeIndexPage` lists every :class:`~site_app.models.Theme` and serves one page per
  theme at ``<index>/<slug>/`` (themes are snippets, so the page is a route, not a page per
  theme an editor must keep in step).
- :class:`Subscription` is one e-mail address and what it follows. The address is the only
  personal data; it counts once confirmed (double opt-in) and is deleted on unsubscribe,
  after repeated hard bounces and, unconfirmed, after the retention period.
- :class:`Delivery` is one row per (subscription, period): the unique constraint makes
  sending a digest idempotent, and the row is the record of what was sent.
"""

import secrets

from django.conf import settings
from django.core import signing
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from site_app import feeds, personal_data
from site_app.models import BasePage, ConfirmableMixin, PersonalDataMixin, Theme
from site_app.models.pages import source_locale_only


class ThemeIndexPage(RoutablePageMixin, BasePage):
    """All themes (``/<lang>/themas/``) and one page per theme (``/<lang>/themas/<slug>/``)."""

    intro = models.TextField(_("inleiding"), max_length=400, blank=True)
    follow_intro = models.TextField(_("uitleg bij 'Volg per e-mail'"), max_length=400, blank=True)

    content_panels = [*BasePage.content_panels, "intro", "follow_intro"]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("overzicht van de thema's")

    @path("")
    def index_route(self, request):
        from .views import theme_index

        return theme_index(request, self)

    @path("e-mail/", name="subscribe")
    def subscribe_route(self, request):
        from .views import subscribe

        return subscribe(request, self)

    @path("e-mail/verstuurd/", name="subscribe_sent")
    def sent_route(self, request):
        from .views import subscribe_sent

        return subscribe_sent(request, self)

    @path("e-mail/bevestig/", name="confirm")
    def confirm_route(self, request):
        from .views import confirm

        return confirm(request, self)

    @path("e-mail/beheer/", name="manage")
    def manage_route(self, request):
        from .views import manage

        return manage(request, self)

    @path("e-mail/uitschrijven/", name="unsubscribe")
    def unsubscribe_route(self, request):
        from .views import unsubscribe

        return unsubscribe(request, self)

    @path("<slug:slug>/", name="theme")
    def theme_route(self, request, slug):
        from .views import theme_page

        return theme_page(request, self, slug)

    def subpage_url(self, name, request=None, **kwargs) -> str:
        return (self.get_url(request) or "") + self.reverse_subpage(name, kwargs=kwargs)

    def get_sitemap_urls(self, request=None):
        from site_app.models import Theme

        urls = super().get_sitemap_urls(request)
        if urls:
            base = urls[0]["location"]
            slugs = Theme.objects.filter(locale__language_code=settings.LANGUAGE_CODE)
            for slug in slugs.values_list("slug", flat=True):
                location = base + self.reverse_subpage("theme", kwargs={"slug": slug})
                urls.append({**urls[0], "location": location})
        return urls


class Frequency(models.TextChoices):
    DIRECT = "direct", _("Meteen")
    DAILY = "dagelijks", _("Eén keer per dag")
    WEEKLY = "wekelijks", _("Eén keer per week")


def new_manage_key() -> str:
    return secrets.token_urlsafe(24)


@personal_data.register
class Subscription(ConfirmableMixin, PersonalDataMixin, models.Model):
    """One address and what it follows. Counts (and gets mail) only once confirmed."""

    email = models.EmailField(_("e-mailadres"), max_length=254, unique=True)
    language = models.CharField(
        _("taal"), max_length=10, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    frequency = models.CharField(
        _("hoe vaak"), max_length=12, choices=Frequency.choices, default=Frequency.WEEKLY
    )
    themes = models.ManyToManyField(
        "site_app.Theme",
        verbose_name=_("thema's"),
        blank=True,
        related_name="+",
        limit_choices_to=source_locale_only,
    )
    wijken = models.ManyToManyField(
        "site_app.Wijk",
        verbose_name=_("wijken"),
        blank=True,
        related_name="+",
        limit_choices_to=source_locale_only,
    )
    councils = models.ManyToManyField(
        "adviezen.AdvisoryCouncilPage",
        verbose_name=_("adviesraden"),
        blank=True,
        related_name="+",
    )
    bodies = models.ManyToManyField(
        "gemeenteraad.CouncilBody",
        verbose_name=_("raadsorganen"),
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("aangemaakt op"), default=timezone.now, db_index=True)
    confirmation_sent_at = models.DateTimeField(null=True, blank=True, editable=False)
    manage_key = models.CharField(max_length=40, default=new_manage_key, editable=False)
    hard_bounces = models.PositiveSmallIntegerField(default=0, editable=False)

    personal_data_fields = ("email",)
    # Confirmed subscriptions are kept while the person wants them; unconfirmed ones are
    # deleted by the purge after ``unconfirmed_retention_days``.
    retention_days = 100 * 365
    unconfirmed_retention_days = 7

    class Meta:
        verbose_name = _("e-mailabonnement")
        verbose_name_plural = _("e-mailabonnementen")
        permissions = [("view_subscriber_address", _("Kan e-mailadressen van abonnees zien"))]

    def __str__(self):
        return _("Abonnement %(pk)s") % {"pk": self.pk}

    def manage_token(self) -> str:
        """A token for the manage and unsubscribe links; it stops working with the row."""
        return signing.dumps({"pk": self.pk, "k": self.manage_key}, salt="volgen.manage")

    @classmethod
    def from_manage_token(cls, token: str):
        try:
            data = signing.loads(token, salt="volgen.manage")
        except signing.BadSignature:
            return None
        if not isinstance(data, dict):
            return None
        return cls.objects.filter(pk=data.get("pk"), manage_key=data.get("k", "")).first()

    def follows_anything(self) -> bool:
        return any(
            getattr(self, name).exists() for name in ("themes", "wijken", "councils", "bodies")
        )


class Delivery(models.Model):
    """What was (or is being) sent to one subscription for one period.

    ``period`` is ``dag:2026-12-01``, ``week:2026-W48`` or ``pagina:<translation key>`` (an
    alert sent at once). The row is claimed before the mail goes out, so a second worker or a
    restart never sends the same period twice.
    """

    class Status(models.TextChoices):
        SENDING = "bezig", _("Bezig")
        SENT = "verstuurd", _("Verstuurd")
        EMPTY = "leeg", _("Niets nieuws")
        FAILED = "mislukt", _("Mislukt")

    subscription = models.ForeignKey(Subscription, on_delete=models.CASCADE, related_name="+")
    period = models.CharField(_("periode"), max_length=80)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices)
    entry_count = models.PositiveIntegerField(_("aantal berichten"), default=0)
    attempts = models.PositiveSmallIntegerField(default=0)
    created_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(_("verstuurd op"), null=True, blank=True)

    class Meta:
        verbose_name = _("verzonden e-mail")
        verbose_name_plural = _("verzonden e-mails")
        constraints = [
            models.UniqueConstraint(
                fields=["subscription", "period"], name="volgen_one_delivery_per_period"
            )
        ]

    def __str__(self):
        return f"{self.period} ({self.get_status_display()})"


def theme_index_url(locale) -> str | None:
    """The theme index's URL path in one language (cached; dropped when the page changes)."""
    from django.core.cache import cache

    key = f"volgen:theme-index-url:{locale.language_code}"
    url = cache.get(key)
    if url is None:
        page = ThemeIndexPage.objects.live().public().filter(locale=locale).only("url_path").first()
        url = (page.get_url() or "") if page else ""
        cache.set(key, url, 60 * 60)
    return url or None


def _theme_page_url(theme, request) -> str | None:
    """The theme's page in the reader's language: where every theme name links to."""
    from site_app import localization

    base = theme_index_url(localization.active_locale())
    if base is None:
        return None
    path_ = base + theme.slug + "/"
    return request.build_absolute_uri(path_) if request is not None else path_


feeds.register_term_page(Theme, _theme_page_url)
