/*
 * The pictogram chooser widget of the admin: Wagtail's snippet chooser, with the chosen
 * pictogram's picture (an <img data-pictogram-preview>) kept in step with the choice.
 * Used as `new PictogramChooser(id)` by server-rendered forms and through telepath
 * ("site_app.widgets.PictogramChooser") in StreamField blocks.
 */
(() => {
  "use strict";

  if (!window.SnippetChooser) {
    return;
  }

  class PictogramChooser extends window.SnippetChooser {
    initHTMLElements(id) {
      super.initHTMLElements(id);
      this.previewImage = this.chooserElement.querySelector("[data-pictogram-preview]");
    }

    getStateFromHTML() {
      const state = super.getStateFromHTML();
      if (state && this.previewImage) {
        state.preview_url = this.previewImage.getAttribute("src") || "";
      }
      return state;
    }

    renderState(newState) {
      super.renderState(newState);
      if (!this.previewImage) {
        return;
      }
      if (newState.preview_url) {
        this.previewImage.setAttribute("src", newState.preview_url);
      } else {
        this.previewImage.removeAttribute("src");
      }
    }
  }

  window.PictogramChooser = PictogramChooser;

  const telepath = window.telepath;
  const SnippetChooserFactory =
    telepath && telepath.constructors["wagtail.snippets.widgets.SnippetChooser"];
  if (SnippetChooserFactory && !telepath.constructors["site_app.widgets.PictogramChooser"]) {
    class PictogramChooserFactory extends SnippetChooserFactory {
      widgetClass = PictogramChooser;
    }
    telepath.register("site_app.widgets.PictogramChooser", PictogramChooserFactory);
  }
})();
