from .glossary import GlossaryTerm
from .pages import BasePage, TaxonomyMixin
from .pictograms import Pictogram
from .readability import ReadabilityScore
from .settings import SiteSettings
from .taxonomy import Theme, Wijk, Zone

__all__ = [
    "BasePage",
    "GlossaryTerm",
    "Pictogram",
    "ReadabilityScore",
    "SiteSettings",
    "TaxonomyMixin",
    "Theme",
    "Wijk",
    "Zone",
]
