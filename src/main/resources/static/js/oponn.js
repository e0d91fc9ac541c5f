// Progressive enhancement only: every page works without it.
(function () {
  "use strict";

  // A datetime-local value has no zone; send the browser's offset so the server reads it as local time.
  function fillTimezoneOffsets(root) {
    root.querySelectorAll("[data-tz-offset]").forEach(function (input) {
      input.value = String(new Date().getTimezoneOffset());
    });
  }

  document.addEventListener("DOMContentLoaded", function () { fillTimezoneOffsets(document); });
  document.addEventListener("htmx:afterSwap", function (event) { fillTimezoneOffsets(event.target); });

  // htmx does not swap error responses; reload so the person sees the server's error page
  // (an expired form token or a vanished ballot) instead of a button that silently does nothing.
  document.addEventListener("htmx:responseError", function (event) {
    var status = event.detail.xhr.status;
    if (status === 403 || status === 404 || status === 413 || status === 429) {
      window.location.reload();
    }
  });
})();
