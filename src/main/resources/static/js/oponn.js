// Progressive enhancement only: every page works without it.
(function () {
  "use strict";

  // The few words this script writes come from the page, in its language (data-* on <body>, from the bundles).
  function word(name, fallback) {
    return (document.body && document.body.dataset[name]) || fallback;
  }

  // A datetime-local value has no zone; send the browser's offset so the server reads it as local time.
  function fillTimezoneOffsets(root) {
    root.querySelectorAll("[data-tz-offset]").forEach(function (input) {
      input.value = String(new Date().getTimezoneOffset());
    });
  }

  // A ballot that asks for a proof of work: find n with SHA-256(salt + n) below the target (the first 8 bytes
  // as an unsigned number), put it in the form, and only then let the form be sent. Hashes go in batches so
  // that the browser's native digest runs back to back instead of one promise at a time.
  function solveChallenges(root) {
    root.querySelectorAll("form[data-challenge-salt]").forEach(function (form) {
      if (form.dataset.challengeStarted) { return; }
      form.dataset.challengeStarted = "true";
      var button = form.querySelector("button[type=submit]");
      var status = form.querySelector("[data-challenge-status]");
      var wasDisabled = button && button.disabled;
      if (!window.crypto || !window.crypto.subtle || typeof BigInt === "undefined") {
        if (status) {
          status.hidden = false;
          status.textContent = word("needsSecure", "This ballot needs JavaScript and a secure connection (HTTPS) to vote");
        }
        return;
      }
      if (button) { button.disabled = true; }
      if (status) { status.hidden = false; status.textContent = word("preparing", "preparing_vote…"); }
      var started = Date.now();
      solve(form.dataset.challengeSalt, BigInt(form.dataset.challengeTarget)).then(function (n) {
        form.querySelector("input[name=solution]").value = String(n);
        form.dataset.challengeMs = String(Date.now() - started);
        form.dataset.challengeSolved = "true";
        if (button) { button.disabled = wasDisabled; }
        if (status) { status.hidden = true; status.textContent = ""; }
      });
    });
  }

  function solve(salt, target) {
    var encoder = new TextEncoder();
    var batch = 500;
    function round(start) {
      var hashes = [];
      for (var i = 0; i < batch; i++) {
        hashes.push(window.crypto.subtle.digest("SHA-256", encoder.encode(salt + (start + i))));
      }
      return Promise.all(hashes).then(function (results) {
        for (var j = 0; j < results.length; j++) {
          if (new DataView(results[j]).getBigUint64(0) < target) { return start + j; }
        }
        return round(start + batch);
      });
    }
    return round(0);
  }

  // A copy button names the element whose text it copies (the vote link); it says "copied" for a moment.
  document.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest("[data-copy]") : null;
    if (!button) {
      return;
    }
    var source = document.getElementById(button.getAttribute("data-copy"));
    if (!source || !navigator.clipboard) {
      return;
    }
    navigator.clipboard.writeText(source.textContent.trim()).then(function () {
      var label = button.textContent;
      button.textContent = word("copied", "copied");
      setTimeout(function () { button.textContent = label; }, 1500);
    });
  });

  document.addEventListener("DOMContentLoaded", function () { fillTimezoneOffsets(document); solveChallenges(document); });
  document.addEventListener("htmx:afterSwap", function (event) {
    fillTimezoneOffsets(event.target);
    solveChallenges(document);
  });

  // A refusal the server wants shown although it is an error (a vote from no known device): it says so with
  // HX-Reswap, and the fragment replaces the form like any answer.
  document.addEventListener("htmx:beforeSwap", function (event) {
    var xhr = event.detail.xhr;
    if (xhr.status === 400 && xhr.getResponseHeader("HX-Reswap")) {
      event.detail.shouldSwap = true;
      event.detail.isError = false;
    }
  });

  // A ballot's live stream ends with "deleted" when its owner deletes it. The stream's element is replaced by a
  // copy without sse-connect, so that the extension stops reconnecting (a deleted ballot answers 404 forever).
  function stopListening(live) {
    var copy = live.cloneNode(true);
    copy.removeAttribute("sse-connect");
    copy.removeAttribute("hx-ext");
    live.replaceWith(copy);
  }

  // The vote page listens to the ballot's live stream in a hidden element: each panel pushed says how the ballot
  // stands now (closed, reopened, started, extended by its owner), and the vote panel's status line and button
  // follow it without a reload.
  function followBallot(live) {
    var votePanel = document.getElementById("vote-panel");
    if (!votePanel) { return; }
    var status = votePanel.querySelector(".status");
    var button = votePanel.querySelector("#vote-form button[type=submit]");
    var panelStatus = live.querySelector("[data-status-line]");
    if (!panelStatus) { return; }
    var line = panelStatus.dataset.statusLine;
    var state = stateOf(live.querySelector("[data-state]"));
    if (status && status.dataset.liveStatus !== state && status.dataset.liveStatus !== undefined) {
      announce(line);
    }
    if (status) {
      status.textContent = line;
      status.className = "status status-" + state;
      status.dataset.liveStatus = state;
    }
    if (button && !(button.form && button.form.dataset.challengeStarted && !button.form.dataset.challengeSolved)) {
      button.disabled = state !== "active";
    }
  }

  // A panel's data-state is the message key of its status line; the vote page needs only three states.
  function stateOf(element) {
    var key = element ? element.dataset.state : "";
    if (key === "status.closed" || key === "deleted") { return "ended"; }
    return key === "status.starts_in" ? "pending" : "active";
  }

  // Screen readers hear a short sentence in the polite live region, never the whole panel: the new total and
  // who leads when the count changes, the status line once when the ballot opens, closes or is deleted.
  function announce(text) {
    var region = document.querySelector("[data-live-announcer]");
    if (region && text && region.textContent !== text) { region.textContent = text; }
  }

  var heard = {};
  function announceResults(live) {
    var panel = live.querySelector("#results-panel");
    if (!panel) { return; }
    var key = live.id || "live";
    var state = stateOf(panel);
    var before = heard[key];
    heard[key] = {state: state, summary: panel.dataset.announce};
    if (!before) { return; }
    if (before.state !== state) {
      var line = panel.querySelector("[data-status-line]");
      announce(line ? line.dataset.statusLine : panel.dataset.announce);
    } else if (before.summary !== panel.dataset.announce) {
      announce(panel.dataset.announce);
    }
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[sse-connect]").forEach(function (live) {
      if (!live.hasAttribute("data-live-status")) { announceResults(live); }
    });
    var status = document.querySelector("#vote-panel .status");
    if (status) { status.dataset.liveStatus = stateOf(status); }
  });

  document.addEventListener("htmx:sseMessage", function (event) {
    var live = event.target.closest ? event.target.closest("[sse-connect]") : null;
    if (!live) { return; }
    if (live.hasAttribute("data-live-status")) { followBallot(live); } else { announceResults(live); }
    if (event.detail && event.detail.type === "deleted") { stopListening(live); }
  });

  // htmx does not swap error responses; reload so the person sees the server's error page
  // (an expired form token or a vanished ballot) instead of a button that silently does nothing.
  document.addEventListener("htmx:responseError", function (event) {
    var status = event.detail.xhr.status;
    if (status === 403 || status === 404 || status === 413 || status === 429) {
      window.location.reload();
    }
  });
})();
