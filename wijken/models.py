"""What a wijk page shows beside its news.

Contact people are translatable snippets shared between wijken (a buurtwerker may serve two);
a wijk page orders them in an inline. Places belong to one wijk page. Figures, streets and
wijkbudget projects point at the source-language :class:`~site_app.models.Wijk` term, so one
row serves the page in every language and a CSV import needs no page.
"""

from urllib.parse import urlencode

from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from site_app.localization import register_vocabulary
from site_app.models import Wijk
from site_app.models.pages import source_locale_only

phone_validator = RegexValidator(
    r"^\+?[0-9 ./()-]{6,25}$", _("Geef een telefoonnummer met cijfers, zoals 09 266 11 11.")
)


class ContactPerson(TranslatableMixin, index.Indexed, models.Model):
    """Someone of the city residents may contact. Only work details, never private ones."""

    name = models.CharField(_("naam"), max_length=100)
    role = models.CharField(
        _("rol"), max_length=100, help_text=_("Bijv. wijkregisseur, buurtwerker, wijkagent.")
    )
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("foto"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    phone = models.CharField(
        _("telefoon (werk)"), max_length=30, blank=True, validators=[phone_validator]
    )
    email = models.EmailField(_("e-mail (werk)"), blank=True)
    organisation = models.CharField(_("dienst of organisatie"), max_length=100, blank=True)
    hours = models.TextField(
        _("wanneer en waar"),
        max_length=300,
        blank=True,
        help_text=_("Bijv. 'Dinsdag van 14 tot 16 uur in het buurtcentrum.'"),
    )

    panels = ["name", "role", "organisation", "photo", "phone", "email", "hours"]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]
    override_translatable_fields = [
        SynchronizedField("name"),
        SynchronizedField("photo"),
        SynchronizedField("phone"),
        SynchronizedField("email"),
        TranslatableField("role"),
        TranslatableField("organisation"),
        TranslatableField("hours"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("contactpersoon")
        verbose_name_plural = _("contactpersonen")
        ordering = ["name"]

    def __str__(self):
        return f"{self.name} ({self.role})"

    @property
    def tel_uri(self) -> str:
        """The phone number as a global ``tel:`` URI (RFC 3966); local numbers are Belgian."""
        digits = "".join(c for c in self.phone if c.isdigit())
        if self.phone.strip().startswith("+"):
            return f"tel:+{digits}"
        if digits.startswith("00"):
            return f"tel:+{digits[2:]}"
        return f"tel:+32{digits.removeprefix('0')}"


register_vocabulary(ContactPerson, select_related=["photo"])


class WijkContact(Orderable):
    page = ParentalKey("home.WijkPage", on_delete=models.CASCADE, related_name="contacts")
    person = models.ForeignKey(
        ContactPerson,
        verbose_name=_("contactpersoon"),
        on_delete=models.CASCADE,
        related_name="+",
        limit_choices_to=source_locale_only,
    )

    panels = ["person"]

    class Meta(Orderable.Meta):
        verbose_name = _("contactpersoon")
        verbose_name_plural = _("contactpersonen")


class Place(Orderable):
    """A buurtcentrum or other meeting place in the wijk."""

    page = ParentalKey("home.WijkPage", on_delete=models.CASCADE, related_name="places")
    name = models.CharField(_("naam"), max_length=120)
    street = models.CharField(_("straat en nummer"), max_length=120)
    postcode = models.CharField(
        _("postcode"), max_length=4, validators=[RegexValidator(r"^\d{4}$")]
    )
    city = models.CharField(_("gemeente"), max_length=60, default="Gent")
    hours = models.TextField(_("openingsuren"), max_length=400, blank=True)
    step_free = models.BooleanField(_("toegang zonder trappen"), default=False)
    accessible_toilet = models.BooleanField(_("aangepast toilet"), default=False)
    hearing_loop = models.BooleanField(_("ringleiding"), default=False)
    accessibility_note = models.CharField(
        _("meer over toegankelijkheid"), max_length=200, blank=True
    )

    panels = [
        "name",
        "street",
        "postcode",
        "city",
        "hours",
        "step_free",
        "accessible_toilet",
        "hearing_loop",
        "accessibility_note",
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("plek")
        verbose_name_plural = _("plekken")

    @property
    def address(self) -> str:
        return f"{self.street}, {self.postcode} {self.city}"

    @property
    def map_url(self) -> str:
        """A plain link to OpenStreetMap's search for the address (nothing loads on our page)."""
        return "https://www.openstreetmap.org/search?" + urlencode({"query": self.address})


class FigureKind(models.TextChoices):
    """The key figures of the wijk-DNA (the CSV's ``indicator`` column uses these values)."""

    INWONERS = "inwoners", _("Inwoners")
    JONGER_18 = "jonger-dan-18", _("Inwoners jonger dan 18")
    OUDER_65 = "ouder-dan-65", _("Inwoners van 65 of ouder")
    GROEN = "groen-per-inwoner", _("Publiek groen per inwoner")
    HUURWONINGEN = "sociale-huurwoningen", _("Sociale huurwoningen")
    WERKZOEKENDEN = "werkzoekenden", _("Werkzoekenden")
    TEVREDEN = "tevreden-over-buurt", _("Tevreden over de buurt")


class WijkFigure(models.Model):
    """One key figure of a wijk, beside the city's average (a row of the wijk-DNA)."""

    wijk = models.ForeignKey(
        Wijk,
        verbose_name=_("wijk"),
        on_delete=models.CASCADE,
        related_name="+",
        limit_choices_to=source_locale_only,
    )
    kind = models.CharField(_("cijfer"), max_length=40, choices=FigureKind.choices)
    value = models.DecimalField(_("waarde"), max_digits=12, decimal_places=2)
    unit = models.CharField(_("eenheid"), max_length=20, blank=True, help_text=_("Bijv. %, m²."))
    city_average = models.DecimalField(
        _("gemiddelde van de stad"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    source = models.CharField(_("bron"), max_length=200)
    reference_date = models.DateField(_("peildatum"))

    panels = ["wijk", "kind", "value", "unit", "city_average", "source", "reference_date"]

    class Meta:
        verbose_name = _("wijkcijfer")
        verbose_name_plural = _("wijkcijfers")
        ordering = ["wijk__name", "kind"]
        constraints = [
            models.UniqueConstraint(fields=["wijk", "kind"], name="wijken_one_figure_per_kind")
        ]

    def __str__(self):
        return f"{self.wijk.name}: {self.get_kind_display()}"


class Street(models.Model):
    """A street (or the part of it) that lies in a wijk, for 'find your wijk'."""

    name = models.CharField(_("straatnaam"), max_length=120, db_index=True)
    postcode = models.CharField(_("postcode"), max_length=4)
    wijk = models.ForeignKey(
        Wijk,
        verbose_name=_("wijk"),
        on_delete=models.CASCADE,
        related_name="+",
        limit_choices_to=source_locale_only,
    )

    panels = ["name", "postcode", "wijk"]

    class Meta:
        verbose_name = _("straat")
        verbose_name_plural = _("straten")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["name", "postcode", "wijk"], name="wijken_street_once_per_wijk"
            )
        ]

    def __str__(self):
        return f"{self.name} ({self.postcode})"


class ProjectStatus(models.TextChoices):
    IDEE = "idee", _("Idee")
    GEKOZEN = "gekozen", _("Gekozen")
    BEZIG = "bezig", _("In uitvoering")
    GEREALISEERD = "gerealiseerd", _("Gerealiseerd")


class WijkProject(ClusterableModel):
    """A wijkbudget project: neighbours chose it, the city pays for it."""

    wijk = models.ForeignKey(
        Wijk,
        verbose_name=_("wijk"),
        on_delete=models.CASCADE,
        related_name="+",
        limit_choices_to=source_locale_only,
    )
    title = models.CharField(_("titel"), max_length=120)
    description = models.TextField(_("korte beschrijving"), max_length=500)
    status = models.CharField(
        _("status"), max_length=20, choices=ProjectStatus.choices, default=ProjectStatus.IDEE
    )
    budget = models.PositiveIntegerField(_("budget (euro)"), null=True, blank=True)
    year = models.PositiveSmallIntegerField(_("jaar"))

    panels = [
        "wijk",
        "title",
        "description",
        "status",
        "budget",
        "year",
        InlinePanel("photos", label=_("foto's")),
    ]

    class Meta:
        verbose_name = _("wijkbudgetproject")
        verbose_name_plural = _("wijkbudgetprojecten")
        ordering = ["-year", "title"]

    def __str__(self):
        return self.title


class ProjectPhoto(Orderable):
    project = ParentalKey(WijkProject, on_delete=models.CASCADE, related_name="photos")
    image = models.ForeignKey(
        "wagtailimages.Image", verbose_name=_("foto"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("image")]
