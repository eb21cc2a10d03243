from .pages import BasePage, TaxonomyMixin
from .personal_data import ConfirmableMixin, ConfirmationError, PersonalDataMixin
from .pictograms import Pictogram
from .settings import ContactDetails, SiteSettings
from .taxonomy import Theme, Wijk, Zone
from .timeline import StatusStep, StepIsFinal

__all__ = [
    "BasePage",
    "ConfirmableMixin",
    "ConfirmationError",
    "ContactDetails",
    "PersonalDataMixin",
    "Pictogram",
    "SiteSettings",
    "StatusStep",
    "StepIsFinal",
    "TaxonomyMixin",
    "Theme",
    "Wijk",
    "Zone",
]
