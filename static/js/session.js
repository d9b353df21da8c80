// Warns a member of staff before the idle timeout ends the session, and lets them extend it
// (WCAG 2.2.1 / RGAA 13.1): a form posted after the end would lose what was typed.
(function () {
  "use strict";
  var box = document.getElementById("session-warning");
  if (!box) {
    return;
  }
  var button = box.querySelector("[data-session-extend]");
  var timeout = Number(box.dataset.timeout) * 1000;
  var warnBefore = Math.min(5 * 60 * 1000, timeout / 2);
  var timer;

  function schedule() {
    window.clearTimeout(timer);
    box.hidden = true;
    timer = window.setTimeout(function () {
      box.hidden = false;
      button.focus();
    }, timeout - warnBefore);
  }

  button.addEventListener("click", function () {
    fetch(box.dataset.keepaliveUrl, { credentials: "same-origin", redirect: "manual" }).then(
      function (response) {
        if (response.status === 204) {
          schedule();
        } else {
          window.location.reload();
        }
      }
    );
  });
  // Any request htmx makes renews the session on the server too.
  document.body.addEventListener("htmx:afterRequest", schedule);
  schedule();
})();
