"""The plain-language models.

``GlossaryTerm`` and ``ReadabilityScore`` keep ``app_label = "site_app"``: they were created
there, so their tables, migrations (``site_app/migrations``), content types and permissions
stay where they are. Change them with ``makemigrations site_app``.
"""

from .glossary import GlossaryTerm
from .plain_version import PlainVersionMixin
from .readability import ReadabilityScore

__all__ = ["GlossaryTerm", "PlainVersionMixin", "ReadabilityScore"]
