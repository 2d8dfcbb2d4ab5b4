// Phones: the menu folds behind one button so that the page starts on the first screen.
// Without JavaScript the menu simply stays open (the folding CSS applies only under .js).
document.documentElement.classList.add("js");
document.addEventListener("DOMContentLoaded", function () {
  var button = document.querySelector(".menu-toggle");
  if (!button) { return; }
  button.addEventListener("click", function () {
    var open = document.querySelector(".topbar").classList.toggle("open");
    button.setAttribute("aria-expanded", open ? "true" : "false");
  });
});
