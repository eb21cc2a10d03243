"""The pages of the home app, one module per subject."""

from .content import ContentPage
from .glossary import GlossaryPage
from .home import HomePage
from .policy_note import PolicyNotePage
from .wijk import WijkIndexPage, WijkPage

__all__ = [
    "ContentPage",
    "GlossaryPage",
    "HomePage",
    "PolicyNotePage",
    "WijkIndexPage",
    "WijkPage",
]
