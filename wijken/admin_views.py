"""The admin upload of wijk figures (the same importer as ``import_wijk_figures``)."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .figures_import import COLUMNS, ImportRefused, import_figures

MAX_UPLOAD_BYTES = 5 * 1024 * 1024


class FigureUploadForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("CSV-bestand"),
        help_text=gettext_lazy("UTF-8, kolommen: %(columns)s") % {"columns": ", ".join(COLUMNS)},
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith(".csv"):
            raise forms.ValidationError(_("Kies een CSV-bestand (eindigt op .csv)."))
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_("Het bestand is groter dan 5 MB."))
        return upload


def import_figures_view(request):
    if not request.user.has_perm("wijken.change_wijkfigure"):
        raise PermissionDenied
    result, refused = None, ""
    form = FigureUploadForm(request.POST or None, request.FILES or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                result = import_figures(form.cleaned_data["file"].read())
            except ImportRefused as error:
                refused = str(error)
        if refused or not form.is_valid():
            status = 400
    return render(
        request,
        "wijken/admin/import_figures.html",
        {"form": form, "result": result, "refused": refused, "columns": COLUMNS},
        status=status,
    )
