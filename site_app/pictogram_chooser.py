"""A pictogram chooser for editors: see the pictogram, search by label or keyword.

Wagtail's default snippet chooser lists pictograms by label only. This chooser (its own admin
URLs under ``/admin/pictogram-chooser/``, registered in ``wagtail_hooks.py``) adds a column
with the picture and one with the keywords. Search uses the Pictogram search index, which
has autocomplete on both label and keywords, so typing "budg" finds "Geld" (keyword
"budget"). Use it in StreamFields with :class:`PictogramChooserBlock`.
"""

from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.snippets.blocks import SnippetChooserBlock
from wagtail.snippets.views.chooser import (
    ChooseResultsView,
    ChooseView,
    SnippetChooserViewSet,
)
from wagtail.snippets.widgets import AdminSnippetChooser

from site_app.models.pictograms import Pictogram

CHOOSER_NAMESPACE = "pictogram_chooser"


class PictogramColumn(Column):
    cell_template_name = "site_app/pictogram_chooser_cell.html"


class PictogramColumnsMixin:
    @property
    def columns(self):
        return [
            PictogramColumn("picture", label=_("Pictogram"), accessor="url", width="64px"),
            *super().columns,
            Column("keywords", label=_("Trefwoorden")),
        ]


class PictogramChooseView(PictogramColumnsMixin, ChooseView):
    pass


class PictogramChooseResultsView(PictogramColumnsMixin, ChooseResultsView):
    pass


class PictogramChooserViewSet(SnippetChooserViewSet):
    model = Pictogram
    icon = "image"
    choose_one_text = _("Kies een pictogram")
    choose_another_text = _("Kies een ander pictogram")
    edit_item_text = _("Pictogram bewerken")
    choose_view_class = PictogramChooseView
    choose_results_view_class = PictogramChooseResultsView
    per_page = 30
    # The default snippet chooser (same model) keeps the form-field widget registration.
    register_widget = False


pictogram_chooser_viewset = PictogramChooserViewSet(
    CHOOSER_NAMESPACE, url_prefix="pictogram-chooser"
)


class PictogramChooserWidget(AdminSnippetChooser):
    def get_chooser_modal_url(self):
        return reverse(f"{CHOOSER_NAMESPACE}:choose")


class PictogramChooserBlock(SnippetChooserBlock):
    """A SnippetChooserBlock for pictograms that opens the chooser with pictures and keywords."""

    def __init__(self, **kwargs):
        kwargs.setdefault("icon", "image")
        super().__init__("site_app.Pictogram", **kwargs)

    @cached_property
    def widget(self):
        return PictogramChooserWidget(self.target_model, icon=self.meta.icon)
