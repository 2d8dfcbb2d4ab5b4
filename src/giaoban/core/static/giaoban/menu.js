// Phones: the menu folds behind one button so that the page starts on the first screen.
// Without JavaScript the menu simply stays open (the folding CSS applies only under .js).
// Listeners sit on the document, so they keep working on content htmx swapped in.
document.documentElement.classList.add("js");

function setMenu(open) {
  var bar = document.querySelector(".topbar");
  var button = document.querySelector(".menu-toggle");
  if (!bar || !button) { return; }
  bar.classList.toggle("open", open);
  button.setAttribute("aria-expanded", open ? "true" : "false");
}

document.addEventListener("click", function (event) {
  if (event.target.closest(".menu-toggle")) {
    setMenu(!document.querySelector(".topbar").classList.contains("open"));
  }
});

// Escape closes what is open: the folded menu (focus back on its button), or the <details>
// the focus is in (the postpone and close forms), focus back on its summary.
document.addEventListener("keydown", function (event) {
  if (event.key !== "Escape") { return; }
  var bar = document.querySelector(".topbar.open");
  var button = document.querySelector(".menu-toggle");
  if (bar && button && getComputedStyle(button).display !== "none") {
    setMenu(false);
    button.focus();
    return;
  }
  var details = document.activeElement && document.activeElement.closest("details[open]");
  if (details) {
    details.open = false;
    details.querySelector("summary").focus();
  }
});
