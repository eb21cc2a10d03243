from .pages import BasePage, TaxonomyMixin
from .pictograms import Pictogram
from .settings import SiteSettings
from .taxonomy import Theme, Wijk, Zone

__all__ = ["BasePage", "Pictogram", "SiteSettings", "TaxonomyMixin", "Theme", "Wijk", "Zone"]
