// Counts the characters of a text area that has a limit (data-max-length) as they are typed or
// pasted, and says when the text is too long: the browser no longer cuts it silently, and the
// server refuses a longer text with a message. The words come from the page (translated). The
// count is a live region, announced once the typing pauses. Line breaks count one, as the
// server counts them.
(function () {
  "use strict";
  var DELAY = 600;

  function grouped(number) {
    return String(number).replace(/\B(?=(\d{3})+(?!\d))/g, "\u202f");
  }

  document.querySelectorAll("[data-count-for]").forEach(function (output) {
    var field = document.getElementById(output.dataset.countFor);
    if (!field || !field.dataset.maxLength) {
      return;
    }
    var limit = Number(field.dataset.maxLength);
    var timer;

    function text(count) {
      var template = count > limit ? output.dataset.textOver : output.dataset.textWithin;
      return template
        .replace("{count}", grouped(count))
        .replace("{limit}", grouped(limit))
        .replace("{over}", grouped(count - limit));
    }

    function update() {
      var count = Array.from(field.value).length;
      output.textContent = text(count);
      output.classList.toggle("text-danger", count > limit);
    }

    output.hidden = false;
    update();
    field.setAttribute(
      "aria-describedby",
      ((field.getAttribute("aria-describedby") || "") + " " + output.id).trim()
    );
    field.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(update, DELAY);
    });
  });
})();
