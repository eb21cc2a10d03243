"""What the register and council pages serve: the filtered list, figures, CSV and feeds.

Called from the routes of :class:`AdviceIndexPage` and :class:`AdvisoryCouncilPage`, so every
URL lives under the register in each language and no urls.py entry is needed.
"""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import Http404, HttpResponse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import get_language_bidi
from django.utils.translation import gettext as _

from site_app import feeds, taxonomy
from site_app.models import Theme, Wijk

from .forms import RegisterFilterForm
from .models import AdvicePage, AdvisoryCouncilPage
from .register import (
    chart,
    council_json_ld,
    councils_of,
    csv_bytes,
    figures_for,
    figures_table,
    load_items,
    narrow,
    source_register,
    years_of,
)

PER_PAGE = 20


def paginate(request, items: list, per_page: int = PER_PAGE) -> dict:
    """One page of the list, or a message (and the status to answer) when ?page= is wrong."""
    paginator = Paginator(items, per_page)
    status, page_error = 200, None
    try:
        page_obj = paginator.page(request.GET.get("page", 1))
    except PageNotAnInteger:
        status, page_error = 400, _("Het paginanummer klopt niet. We tonen de eerste pagina.")
        page_obj = paginator.page(1)
    except EmptyPage:
        status, page_error = 404, _("Deze pagina bestaat niet. Ga naar de eerste pagina.")
        page_obj = None
    return {
        "paginator": paginator,
        "page_obj": page_obj,
        "items": list(page_obj.object_list) if page_obj else [],
        "result_count": paginator.count,
        "page_error": page_error,
        "status": status,
    }


def _source_council(council: AdvisoryCouncilPage, register) -> AdvisoryCouncilPage:
    if council.locale_id == register.locale_id:
        return council
    return (
        AdvisoryCouncilPage.objects.filter(
            translation_key=council.translation_key, locale_id=register.locale_id
        ).first()
        or council
    )


class Selection:
    """The filters asked for in ?…, checked against what exists, and the advice they select."""

    def __init__(self, request, index, *, council: AdvisoryCouncilPage | None = None):
        self.register = source_register(index)
        self.locale = taxonomy.active_locale()
        self.councils = councils_of(self.register, self.locale)
        self.council = _source_council(council, self.register) if council else None
        scope = self.register if self.council is None else self.council
        live = AdvicePage.objects.descendant_of(scope).live().public()
        self.form = RegisterFilterForm(
            request.GET,
            councils=self.councils,
            themes=taxonomy.localize(Theme.objects.filter(pk__in=live.values("themes"))),
            wijken=taxonomy.localize(Wijk.objects.filter(pk__in=live.values("wijken"))),
            years=years_of(scope),
            council_field=council is None,
        )
        self.selected = self.form.selected()
        self.errors = [error for errors in self.form.errors.values() for error in errors]
        self.error_pairs = [
            (self.form[name].auto_id, error)
            for name, errors in self.form.errors.items()
            for error in errors
        ]
        self.items = load_items(
            self.register,
            self.locale,
            self.councils,
            council=self.council or self.selected.get("raad"),
            theme=self.selected.get("thema"),
            wijk=self.selected.get("wijk"),
            year=self.selected.get("jaar"),
            now=timezone.now(),
        )
        self.listed = narrow(
            self.items, phase=self.selected.get("status"), outcome=self.selected.get("resultaat")
        )
        self.query = self.form.query()

    @property
    def query_string(self) -> str:
        return urlencode(self.query)


def register(request, index):
    selection = Selection(request, index)
    listing = paginate(request, selection.listed)
    councils = selection.councils
    if chosen := selection.selected.get("raad"):
        councils = [council for council in councils if council.pk == chosen.pk]
    table = figures_table(selection.items, councils)
    status = listing["status"]
    if selection.errors and status == 200:
        status = 400
    query_string = selection.query_string
    response = index.render(
        request,
        context_overrides={
            **listing,
            "filter_form": selection.form,
            "filter_error_pairs": selection.error_pairs,
            "selected": selection.selected,
            "councils": selection.councils,
            "query_string": query_string,
            "export_url": index.export_url + (f"?{query_string}" if query_string else ""),
            "is_filtered": bool(selection.query) or "page" in request.GET,
            "table": table,
            "chart": chart(table, rtl=get_language_bidi()),
            "response_days": selection.register.response_days,
        },
    )
    response.status_code = status
    return response


def register_csv(request, index):
    selection = Selection(request, index)
    if selection.errors:
        return HttpResponse(
            "\n".join(str(error) for error in selection.errors),
            status=400,
            content_type="text/plain; charset=utf-8",
        )
    response = HttpResponse(
        csv_bytes(selection.listed, request), content_type="text/csv; charset=utf-8"
    )
    name = f"adviezen-{timezone.localdate():%Y-%m-%d}.csv"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["X-Robots-Tag"] = "noindex"
    return response


def council_page(request, council):
    selection = Selection(request, council.get_parent().specific, council=council)
    listing = paginate(request, selection.listed)
    status = listing["status"]
    if selection.errors and status == 200:
        status = 400
    figures = figures_for(selection.items, selection.council, council.title)
    response = council.render(
        request,
        context_overrides={
            **listing,
            "filter_form": selection.form,
            "filter_error_pairs": selection.error_pairs,
            "query_string": selection.query_string,
            "is_filtered": bool(selection.query) or "page" in request.GET,
            "figures": figures,
            "register": council.get_parent().specific,
            "json_ld": council_json_ld(council, request),
        },
    )
    response.status_code = status
    return response


def council_feed(request, council, fmt):
    if fmt not in feeds.FORMATS:
        raise Http404
    entries = feeds.collect_entries(
        request, feeds.Scope.of(council=council), kinds=[AdvicePage.feed_source.kind]
    )
    return feeds.feed_response(
        request,
        fmt,
        title=_("Adviezen van %(council)s") % {"council": council.title}
        + f" · {_('Samen stad maken')}",
        description=council.remit or council.title,
        link=council.get_full_url(request),
        entries=entries,
    )
