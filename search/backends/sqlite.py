"""Wagtail's SQLite (FTS5) search backend, with the relevance scores read in one query.

Wagtail's SQLite compiler annotates every candidate row with a correlated subquery that runs
the full-text MATCH again for that row, so a word found in thousands of pages costs thousands
of MATCHes (seconds at 10,000 pages). Here the index entries are matched once, limited to the
rows the queryset allows and ordered by the same BM25 expression; the results class then loads
the rows of the requested slice. Rows, order and scores are Wagtail's.

Import this module only on SQLite: its index model exists only there.
"""

from django.db.models import CharField, F, IntegerField
from django.db.models.functions import Cast
from modelsearch.backends.database.sqlite.query import (
    MatchExpression,
    SQLiteFTSIndexEntry,
    normalize,
)
from modelsearch.backends.database.sqlite.sqlite import (
    SQLiteAutocompleteQueryCompiler,
    SQLiteSearchBackend,
    SQLiteSearchQueryCompiler,
    SQLiteSearchResults,
)
from modelsearch.query import MatchAll, Not
from modelsearch.utils import get_descendants_content_types_pks


def _key_field(model):
    """The field that holds the primary key's value (a page type's is its page's id)."""
    field = model._meta.pk
    while field.is_relation:
        field = field.target_field
    return field


class RankedSQLiteMixin:
    """Scores in one query instead of one per row (see the module's docstring)."""

    def ranked_entries(self):
        """``(object_id, score)`` rows best first, or None when the search is not ranked."""
        query = normalize(self.query)
        if not self.order_by_relevance or isinstance(query, (MatchAll, Not)):
            return None
        model = self.queryset.model
        match = MatchExpression(
            self.fields or self.FTS_TABLE_FIELDS,
            self.build_search_query(query, config=None),
        )
        allowed = self.queryset.order_by().annotate(_key=Cast("pk", CharField()))
        entries = (
            SQLiteFTSIndexEntry.objects.filter(match)
            .filter(
                index_entry__content_type__in=get_descendants_content_types_pks(model),
                index_entry__object_id__in=allowed.values("_key"),
            )
            .annotate(score=self._build_rank_expression(self.get_search_vectors(), None))
        )
        # Equal scores in Wagtail's order: the highest primary key first.
        object_id = F("index_entry__object_id")
        if isinstance(_key_field(model), IntegerField):
            object_id = Cast(object_id, IntegerField())
        return entries.order_by("score", object_id.desc()).values_list(
            "index_entry__object_id", "score"
        )


class RankedSQLiteSearchQueryCompiler(RankedSQLiteMixin, SQLiteSearchQueryCompiler):
    pass


class RankedSQLiteAutocompleteQueryCompiler(RankedSQLiteMixin, SQLiteAutocompleteQueryCompiler):
    pass


class RankedSQLiteSearchResults(SQLiteSearchResults):
    def _do_search(self):
        entries = self.query_compiler.ranked_entries()
        if entries is None:
            return super()._do_search()
        queryset = self.query_compiler.queryset
        to_python = _key_field(queryset.model).to_python
        scores = {to_python(pk): score for pk, score in entries[self.start : self.stop]}
        objects = list(queryset.filter(pk__in=list(scores)))
        if self._score_field:
            for obj in objects:
                setattr(obj, self._score_field, scores[obj.pk])
        order = {pk: position for position, pk in enumerate(scores)}
        return sorted(objects, key=lambda obj: order[obj.pk])

    def _do_count(self):
        entries = self.query_compiler.ranked_entries()
        return super()._do_count() if entries is None else entries.count()


class RankedSQLiteSearchBackend(SQLiteSearchBackend):
    query_compiler_class = RankedSQLiteSearchQueryCompiler
    autocomplete_query_compiler_class = RankedSQLiteAutocompleteQueryCompiler
    results_class = RankedSQLiteSearchResults
