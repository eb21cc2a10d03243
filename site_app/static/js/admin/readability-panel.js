/*
 * Readability figures that follow the editor's typing (progressive enhancement: without this
 * script the panel shows the figures of the last saved version).
 *
 * A second or so after the editor stops typing, the edit form is posted, unsaved, to the
 * panel's data-measure-url, and each [data-readability-panel] is replaced by the fresh one.
 * Rich-text editors write their hidden input a moment after a keystroke, so the form is read
 * after the pause, and only sent when it changed.
 */
(() => {
  "use strict";

  const PAUSE_MS = 1200;

  function panels() {
    return Array.from(document.querySelectorAll("[data-readability-panel][data-measure-url]"));
  }

  function start() {
    const first = panels()[0];
    const form = first && first.closest("form");
    if (!form) {
      return;
    }
    const url = first.dataset.measureUrl;
    let timer = null;
    let lastSent = new URLSearchParams(new FormData(form)).toString();
    let inFlight = null;

    async function measure() {
      const data = new FormData(form);
      const body = new URLSearchParams(data).toString();
      if (body === lastSent) {
        return;
      }
      lastSent = body;
      const query = panels()
        .map((panel) => `variant=${encodeURIComponent(panel.dataset.variant)}`)
        .join("&");
      if (inFlight) {
        inFlight.abort();
      }
      inFlight = new AbortController();
      let response;
      try {
        response = await fetch(`${url}?${query}`, {
          method: "POST",
          body: data,
          credentials: "same-origin",
          headers: { "X-Requested-With": "XMLHttpRequest" },
          signal: inFlight.signal,
        });
      } catch (error) {
        return; // aborted by a newer request, or offline: keep the figures shown
      }
      if (!response.ok) {
        return; // e.g. a required field still empty: the panel keeps its last figures
      }
      const result = await response.json();
      for (const panel of panels()) {
        const html = result.panels && result.panels[panel.dataset.variant];
        if (html) {
          const fresh = document.createRange().createContextualFragment(html).firstElementChild;
          if (fresh) {
            panel.replaceWith(fresh);
          }
        }
      }
    }

    function later() {
      window.clearTimeout(timer);
      timer = window.setTimeout(measure, PAUSE_MS);
    }

    for (const type of ["input", "change", "keyup"]) {
      form.addEventListener(type, later);
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
