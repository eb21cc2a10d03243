"""Wagtail's database backend, with PostgreSQL's full-text configuration chosen per language.

Wagtail's PostgreSQL backend takes one ``SEARCH_CONFIG`` for everything it indexes and every
query. Here each object is indexed with the configuration of its own language (Dutch content
with ``dutch``), and ``for_language(code)`` gives a backend that parses queries the same way.
On SQLite (FTS5, no stemming) the search is Wagtail's, but a search ranked by relevance reads
the scores in one query (see :mod:`search.backends.sqlite`). Other databases get Wagtail's
backend unchanged.
"""

import copy

from django.db import connection
from wagtail.search.backends.database import SearchBackend as DefaultSearchBackend

from . import LANGUAGE_ANALYZERS, language_of


def SearchBackend(params):
    if connection.vendor == "postgresql":
        return LocalePostgresSearchBackend(params)
    backend = DefaultSearchBackend(params)
    if connection.vendor == "sqlite" and type(backend).__name__ == "SQLiteSearchBackend":
        # Imported only here: the FTS5 index model exists only on SQLite with FTS5.
        from .sqlite import RankedSQLiteSearchBackend

        if type(backend) in RankedSQLiteSearchBackend.__mro__:
            return RankedSQLiteSearchBackend(params)
    return backend


try:
    from modelsearch.backends.database.postgres.postgres import (
        PostgresIndex,
        PostgresSearchBackend,
    )
except ImportError:  # pragma: no cover - psycopg is a dependency
    PostgresIndex = PostgresSearchBackend = None


if PostgresSearchBackend is not None:

    class LocalePostgresIndex(PostgresIndex):
        def add_items(self, model, objs):
            groups: dict[str, list] = {}
            for obj in objs:
                groups.setdefault(language_of(obj), []).append(obj)
            for language, group in groups.items():
                PostgresIndex(self.backend.for_language(language)).add_items(model, group)

    class LocalePostgresSearchBackend(PostgresSearchBackend):
        index_class = LocalePostgresIndex

        def __init__(self, params):
            params = dict(params)
            self.configs = {**LANGUAGE_ANALYZERS, **params.pop("SEARCH_CONFIGS", {})}
            params.setdefault("SEARCH_CONFIG", "simple")
            super().__init__(params)

        def for_language(self, language: str):
            backend = copy.copy(self)
            backend.config = self.configs.get(language, self.config)
            return backend
