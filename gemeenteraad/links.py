"""What else is linked to an agenda item, for its page and the meeting page.

Other apps (the citizens' proposals, for one) point *at* an agenda item. They tell this app
so with :func:`register_item_links`: a provider gets the items of one page and returns, per
item pk, the links to show. One call per provider and page: batch your query.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class ItemLink:
    kind_label: str
    title: str
    url: str


Provider = Callable[[list, object], dict[int, Iterable[ItemLink]]]
_providers: list[Provider] = []


def register_item_links(provider: Provider) -> Provider:
    """``provider(items, request) -> {item.pk: [ItemLink, ...]}``."""
    _providers.append(provider)
    return provider


def links_for(items: list, request) -> dict[int, list[ItemLink]]:
    found: dict[int, list[ItemLink]] = {}
    for provider in _providers:
        for pk, links in provider(items, request).items():
            found.setdefault(pk, []).extend(links)
    return found
