// kaznlp: the legend's chips show or hide one type of highlight. Everything else works without script.
document.addEventListener("click", function (ev) {
  var chip = ev.target.closest("button[data-toggle]");
  if (!chip) return;
  var doc = chip.closest(".doc") || document;
  var on = chip.getAttribute("aria-pressed") !== "true";
  chip.setAttribute("aria-pressed", on ? "true" : "false");
  doc.querySelectorAll(".text ." + chip.getAttribute("data-toggle")).forEach(function (el) {
    el.classList.toggle("muted", !on);
  });
});
