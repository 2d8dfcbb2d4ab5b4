// Long actions (reading a pasted text, importing a spreadsheet, making a document) are plain form
// posts: their answer is a whole page, a redirect, a file or an error page, which the browser shows
// as usual. A form marked data-busy="what is happening" only says that the work is under way, marks
// its buttons busy and drops a second press until the answer arrives.
document.addEventListener("submit", function (event) {
  var form = event.target;
  if (!form.hasAttribute("data-busy")) { return; }
  if (form.getAttribute("aria-busy") === "true") {
    event.preventDefault();
    return;
  }
  form.setAttribute("aria-busy", "true");
  // aria-disabled, not disabled: a disabled button's name and value would not be sent.
  form.querySelectorAll("button").forEach(function (button) { button.setAttribute("aria-disabled", "true"); });
  var status = form.querySelector(".busy-status");
  if (status) { status.textContent = form.getAttribute("data-busy"); }
});

// Coming back to the page with the browser's Back button shows it as it was left: ready it again.
window.addEventListener("pageshow", function (event) {
  if (!event.persisted) { return; }
  document.querySelectorAll("form[aria-busy='true']").forEach(function (form) {
    form.removeAttribute("aria-busy");
    form.querySelectorAll("button").forEach(function (button) { button.removeAttribute("aria-disabled"); });
    var status = form.querySelector(".busy-status");
    if (status) { status.textContent = ""; }
  });
});
