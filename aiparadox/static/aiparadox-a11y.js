// Accessibility repairs to the book theme's own buttons (axe-core rule label-content-name-mismatch,
// WCAG 2.5.3: an accessible name must contain the visible text).
function repair() {
  // The search buttons show "Search Ctrl+K" but are named "Search": name them by what they show.
  for (const button of document.querySelectorAll(".search-button__button[aria-label]")) {
    const visible = button.innerText.replace(/\s+/g, " ").trim();
    if (visible && button.getAttribute("aria-label") !== visible) button.setAttribute("aria-label", visible);
  }
  // The colour-mode button is named "Color mode"; its icons carry titles ("Light", "Dark") that
  // would be read as visible text. The name says what the button does: the icons are decoration.
  for (const icon of document.querySelectorAll(".theme-switch-button svg, .theme-switch-button i")) {
    if (icon.getAttribute("aria-hidden") !== "true") icon.setAttribute("aria-hidden", "true");
    icon.removeAttribute("aria-labelledby");
    icon.removeAttribute("title");
    icon.querySelector("title")?.remove();
  }
}

repair();
// The theme's script may rewrite these buttons after load: repair again when the headers change.
// (Only the headers: watching the whole page would run this for every node a chart adds.)
for (const header of document.querySelectorAll("#pst-header, .bd-header-article")) {
  new MutationObserver(repair).observe(header, { childList: true, subtree: true });
}

// The sidebar buttons a reader sees did nothing (pydata-sphinx-theme issue 2451): the theme's
// scripts give what opens the navigation (a dialog on a phone, a collapse on a wide screen) and the
// page's contents to the first ".primary-toggle" and ".secondary-toggle" of the page, the top bar's,
// which the book theme hides; the ones in the article's header got nothing. Their clicks are passed on.
for (const kind of ["primary", "secondary"]) {
  const [first, ...others] = document.querySelectorAll(`.${kind}-toggle`);
  for (const other of others) {
    other.addEventListener("click", (event) => {
      event.preventDefault();
      event.stopPropagation();
      first.click();
    });
  }
}
