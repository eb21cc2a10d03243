"""Elasticsearch 8 with one index per language, each with that language's analyzer.

Why one index per language rather than one field per language: every document is written in
exactly one language (translations are separate pages and rows), so an index per language
stores each text once, analyses it with the right stemmer and stop words (the index's default
analyzer, which Wagtail's text fields use), keeps term statistics per language, and lets a
query in Arabic never match Dutch stems. The mapping stays Wagtail's own. Indexes are named
``<INDEX_PREFIX><language>_<app>_<model>``; searching without a language (the admin) reads all
of them.

Index updates that fail because the cluster cannot be reached are logged and recorded in
:class:`search.models.FailedIndexUpdate`; ``manage.py retry_search_index`` sends them again.
"""

import copy
import logging

from django.conf import settings
from elastic_transport import TransportError
from elasticsearch import ApiError
from modelsearch.backends.elasticsearch8 import (
    Elasticsearch8Index,
    Elasticsearch8SearchBackend,
)
from modelsearch.backends.elasticsearchbase import ElasticsearchIndexRebuilder
from modelsearch.utils import deep_update

from . import LANGUAGE_ANALYZERS, language_of

logger = logging.getLogger(__name__)
UNREACHABLE = (ApiError, TransportError, ConnectionError)


def analysis_settings(language: str, analyzers: dict) -> dict:
    """Index settings that make ``language``'s analyzer the default for text fields."""
    analyzer = analyzers.get(language, "standard")
    return {"settings": {"analysis": {"analyzer": {"default": {"type": analyzer}}}}}


class LanguageRoutingIndex:
    """The indexes of one model in every language, behind the interface of one index."""

    def __init__(self, backend, model):
        self.backend = backend
        self.model = model
        self.indexes = {
            language: language_backend.get_index_for_model(model)
            for language, language_backend in backend.language_backends().items()
        }
        self.name = ",".join(index.name for index in self.indexes.values())

    def get_key(self):
        return self.name

    def __str__(self):
        return self.name

    def _each(self, method, *args):
        for index in self.indexes.values():
            getattr(index, method)(*args)

    def put(self):
        self._each("put")

    def delete(self):
        self._each("delete")

    def reset(self):
        self._each("reset")

    def refresh(self):
        self._each("refresh")

    def exists(self):
        return all(index.exists() for index in self.indexes.values())

    def add_model(self, model):
        self._each("add_model", model)

    def _index_of(self, obj):
        language = language_of(obj)
        return self.indexes.get(language) or self.indexes[settings.LANGUAGE_CODE]

    def add_item(self, item):
        self._index_of(item).add_item(item)

    def add_items(self, model, items):
        groups: dict[str, list] = {}
        for item in items:
            groups.setdefault(language_of(item), []).append(item)
        for language, group in groups.items():
            index = self.indexes.get(language) or self.indexes[settings.LANGUAGE_CODE]
            index.add_items(model, group)

    def delete_item(self, item):
        """From every language's index: a deleted row may no longer know its locale."""
        self._each("delete_item", item)


class MultilingualElasticsearch8SearchBackend(Elasticsearch8SearchBackend):
    index_class = Elasticsearch8Index

    def __init__(self, params):
        params = dict(params)
        self.analyzers = {**LANGUAGE_ANALYZERS, **params.pop("LANGUAGE_ANALYZERS", {})}
        self.languages = [code for code, _name in settings.LANGUAGES]
        self.language = None
        params["ATOMIC_REBUILD"] = False
        super().__init__(params)
        self.rebuilder_class = ElasticsearchIndexRebuilder
        self.base_prefix = self.index_prefix
        self.base_settings = self.settings
        self._language_backends = {}

    def for_language(self, language: str):
        """The backend of one language: its own indexes and analyzer (shares the client)."""
        if language not in self._language_backends:
            backend = copy.copy(self)
            backend.language = language
            backend.index_prefix = f"{self.base_prefix}{language}_"
            backend.settings = deep_update(
                copy.deepcopy(self.base_settings), analysis_settings(language, self.analyzers)
            )
            backend._language_backends = {}
            self._language_backends[language] = backend
        return self._language_backends[language]

    def language_backends(self) -> dict:
        return {language: self.for_language(language) for language in self.languages}

    def get_index_for_model(self, model):
        if self.language is not None:
            return super().get_index_for_model(model)
        return LanguageRoutingIndex(self, model)

    # Index updates: log, record for retry, and let Wagtail carry on (publishing must work).

    def add(self, obj):
        self._guarded("add", obj, super().add)

    def add_bulk(self, model, obj_list):
        from ..models import FailedIndexUpdate

        obj_list = list(obj_list)
        try:
            super().add_bulk(model, obj_list)
        except UNREACHABLE:
            logger.warning("Search index update of %d objects failed; recorded", len(obj_list))
            for obj in obj_list:
                FailedIndexUpdate.record(obj, FailedIndexUpdate.Action.ADD)
            raise

    def delete(self, obj):
        self._guarded("delete", obj, super().delete)

    def _guarded(self, action, obj, call):
        from ..models import FailedIndexUpdate

        try:
            call(obj)
        except UNREACHABLE:
            logger.warning("Search index %s of %r failed; recorded for retry", action, obj)
            FailedIndexUpdate.record(obj, action)
            raise
        else:
            FailedIndexUpdate.forget(obj)


SearchBackend = MultilingualElasticsearch8SearchBackend
