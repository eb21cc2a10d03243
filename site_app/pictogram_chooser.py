"""The pictogram chooser editors use: see the pictogram, search by label or keyword.

It is the pictograms' snippet chooser (``PictogramViewSet.chooser_viewset_class``), so the
theme form, StreamField blocks and the snippet admin all open the same modal. Wagtail's default
lists pictograms by label only; this one adds a column with the picture and one with the
keywords, and its widget shows the chosen picture instead of a grey placeholder (on the server
and after choosing, through ``js/admin/pictogram-chooser.js``). Search uses the Pictogram
search index, which has autocomplete on label and keywords, so "budg" finds "Geld" (keyword
"budget"). Use it in StreamFields with :class:`PictogramChooserBlock`.
"""

from django import forms
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.staticfiles import versioned_static
from wagtail.admin.telepath import register
from wagtail.admin.ui.tables import Column
from wagtail.snippets.blocks import SnippetChooserBlock
from wagtail.snippets.views.chooser import (
    ChooseResultsView,
    ChooseView,
    SnippetChooserViewSet,
    SnippetChosenView,
)
from wagtail.snippets.widgets import AdminSnippetChooser, SnippetChooserAdapter

CHOOSE_ONE = _("Kies een pictogram")
CHOOSE_ANOTHER = _("Kies een ander pictogram")
EDIT_CHOSEN = _("Pictogram bewerken")
SCRIPT = "js/admin/pictogram-chooser.js"


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


class PictogramChosenView(SnippetChosenView):
    def get_chosen_response_data(self, item):
        return {**super().get_chosen_response_data(item), "preview_url": item.url}


class PictogramChooserWidget(AdminSnippetChooser):
    """The snippet chooser widget with the chosen pictogram's picture in place of the icon."""

    template_name = "site_app/widgets/pictogram_chooser.html"
    js_constructor = "PictogramChooser"

    def __init__(self, model=None, **kwargs):
        super().__init__(model, **kwargs)
        # AdminSnippetChooser builds English texts around the verbose name; ours are translated.
        self.choose_one_text = CHOOSE_ONE
        self.choose_another_text = CHOOSE_ANOTHER
        self.link_to_chosen_text = EDIT_CHOSEN

    def get_value_data_from_instance(self, instance):
        return {**super().get_value_data_from_instance(instance), "preview_url": instance.url}

    def get_context(self, name, value_data, attrs):
        context = super().get_context(name, value_data, attrs)
        context["preview_url"] = (value_data or {}).get("preview_url", "")
        return context

    @cached_property
    def media(self):
        return forms.Media(
            js=[versioned_static("wagtailsnippets/js/snippet-chooser.js"), versioned_static(SCRIPT)]
        )


class PictogramChooserAdapter(SnippetChooserAdapter):
    js_constructor = "site_app.widgets.PictogramChooser"

    @cached_property
    def media(self):
        return forms.Media(
            js=[
                versioned_static("wagtailsnippets/js/snippet-chooser.js"),
                versioned_static("wagtailsnippets/js/snippet-chooser-telepath.js"),
                versioned_static(SCRIPT),
            ]
        )


register(PictogramChooserAdapter(), PictogramChooserWidget)


class PictogramChooserViewSet(SnippetChooserViewSet):
    choose_one_text = CHOOSE_ONE
    choose_another_text = CHOOSE_ANOTHER
    edit_item_text = EDIT_CHOSEN
    choose_view_class = PictogramChooseView
    choose_results_view_class = PictogramChooseResultsView
    chosen_view_class = PictogramChosenView
    base_widget_class = PictogramChooserWidget
    per_page = 30


class PictogramChooserBlock(SnippetChooserBlock):
    """A SnippetChooserBlock for pictograms that shows the picture of the chosen one."""

    def __init__(self, **kwargs):
        kwargs.setdefault("icon", "image")
        super().__init__("site_app.Pictogram", **kwargs)

    @cached_property
    def widget(self):
        return PictogramChooserWidget(self.target_model, icon=self.meta.icon)
