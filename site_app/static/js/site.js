// Progressive enhancement only: every page works without this file.

// After a failed submit, move focus to the error summary, so a screen reader reads it first
// and keyboard users start from the list of what to fix.
document.addEventListener("DOMContentLoaded", () => {
  const summary = document.querySelector(".error-summary");
  if (summary) {
    summary.focus();
  }
});
