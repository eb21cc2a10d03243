"""Public views of the wijken app: a contact's vCard, street suggestions, the projects list."""

from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.utils.text import slugify
from django.utils.translation import gettext as _

from site_app import localization, taxonomy
from site_app.models import Wijk

from . import finder
from .models import ContactPerson, ProjectStatus, WijkProject
from .vcard import vcard


def contact_vcard(request, pk: int):
    """The contact's work details as a vCard 4.0 (RFC 6350), in the reader's language."""
    person = get_object_or_404(ContactPerson, pk=pk)
    person = localization.localize(person)
    response = HttpResponse(vcard(person), content_type="text/vcard; charset=utf-8")
    filename = slugify(person.name) or "contact"
    response["Content-Disposition"] = f'attachment; filename="{filename}.vcf"'
    return response


def street_suggestions(request):
    """Street names starting with ``?q=`` as JSON, for the finder's datalist."""
    return JsonResponse({"streets": finder.suggestions(request.GET.get("q", ""))})


def project_list(request):
    """Every wijkbudget project in the city, filtered by ``?wijk=`` and ``?status=``."""
    projects = WijkProject.objects.select_related("wijk").prefetch_related("photos__image")
    wijk_slug = request.GET.get("wijk", "")
    status = request.GET.get("status", "")
    errors = []
    if wijk_slug:
        wijk = taxonomy.find_by_slug(Wijk, wijk_slug)
        if wijk is None:
            errors.append(_("Die wijk kennen we niet."))
        else:
            projects = projects.filter(wijk__translation_key=wijk.translation_key)
    if status:
        if status not in ProjectStatus.values:
            errors.append(_("Die status kennen we niet."))
        else:
            projects = projects.filter(status=status)
    projects = [] if errors else list(projects.order_by("-year", "title"))
    names = {w.translation_key: w.name for w in taxonomy.all_terms(Wijk)}
    for project in projects:
        project.wijk_name = names.get(project.wijk.translation_key, project.wijk.name)
    response = render(
        request,
        "wijken/project_list.html",
        {
            "projects": projects,
            "wijken": taxonomy.all_terms(Wijk),
            "statuses": ProjectStatus.choices,
            "selected_wijk": wijk_slug,
            "selected_status": status,
            "errors": errors,
            "language": localization.active_locale().language_code,
        },
    )
    if errors:
        response.status_code = 400
    return response
