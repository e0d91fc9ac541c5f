// Progressive enhancement only: every page works without it.
(function () {
  "use strict";

  // The few words this script writes come from the page, in its language (data-* on <body>, from the bundles).
  function word(name, fallback) {
    return (document.body && document.body.dataset[name]) || fallback;
  }

  // A sentence with %1, %2 filled in: the ranking's announcements.
  function sentence(name, fallback) {
    var args = Array.prototype.slice.call(arguments, 2);
    return word(name, fallback).replace(/%(\d)/g, function (all, i) { return args[Number(i) - 1]; });
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

  // A ranked ballot's list: without script each option has a select rank_{id}; with it the rows themselves are
  // the ranking. "rank" adds an option at the end of the ranked ones (or takes it out), "up" and "down" move it,
  // by keyboard (Tab, Enter or Space), by pointer, or by dragging a row onto another; the selects stay in the form,
  // hidden, and are set to each row's position, so the server reads the same rank_{id} fields either way.
  function enhanceRankings(root) {
    root.querySelectorAll("ol[data-ranking]").forEach(function (list) {
      if (list.dataset.enhanced) { return; }
      list.dataset.enhanced = "true";
      var status = document.createElement("p");
      status.className = "hint ranking-status";
      status.setAttribute("aria-live", "polite");
      status.setAttribute("data-ranking-status", "");
      list.parentNode.insertBefore(status, list.nextSibling);
      var rows = Array.prototype.slice.call(list.querySelectorAll("[data-rank-row]"));
      rows.forEach(function (row) { enhanceRow(list, row, status); });
      // Start from what the selects say (a refused form comes back with the voter's ranks).
      rows.sort(function (a, b) { return rankOf(a) - rankOf(b); });
      rows.forEach(function (row) { list.appendChild(row); });
      refresh(list);
    });
  }

  function rankOf(row) {
    var value = row.querySelector("select[data-rank]").value;
    return value === "" ? 10000 : parseInt(value, 10);
  }

  function labelOf(row) {
    return row.querySelector(".rank-label").textContent.trim();
  }

  function button(action, text, label) {
    var b = document.createElement("button");
    b.type = "button";
    b.className = "rank-button";
    b.setAttribute("data-rank-" + action, "");
    b.textContent = text;
    if (label) { b.setAttribute("aria-label", label); }
    return b;
  }

  function enhanceRow(list, row, status) {
    var select = row.querySelector("select[data-rank]");
    select.hidden = true;
    row.dataset.ranked = select.value === "" ? "false" : "true";
    var position = document.createElement("span");
    position.className = "rank-position";
    position.setAttribute("data-rank-position", "");
    row.insertBefore(position, row.firstChild);
    var name = labelOf(row);
    var toggle = button("toggle", word("rankButton", "rank"), null);
    var up = button("up", "▲", sentence("moveUp", "move %1 up", name));
    var down = button("down", "▼", sentence("moveDown", "move %1 down", name));
    row.appendChild(toggle);
    row.appendChild(up);
    row.appendChild(down);
    toggle.addEventListener("click", function () {
      if (row.dataset.ranked === "true") {
        row.dataset.ranked = "false";
        var firstUnranked = list.querySelector("[data-rank-row][data-ranked=false]");
        list.insertBefore(row, firstUnranked);
        say(status, sentence("unrankedSay", "%1 is no longer ranked", name));
      } else {
        row.dataset.ranked = "true";
        var unranked = list.querySelector("[data-rank-row][data-ranked=false]");
        list.insertBefore(row, unranked);
      }
      refresh(list);
      if (row.dataset.ranked === "true") { say(status, sentence("rankedSay", "%1 is ranked %2", name, select.value)); }
      toggle.focus();
    });
    up.addEventListener("click", function () { move(list, row, -1, status, up); });
    down.addEventListener("click", function () { move(list, row, 1, status, down); });
    row.draggable = true;
    row.addEventListener("dragstart", function (event) {
      list.dataset.dragging = Array.prototype.indexOf.call(list.children, row);
      event.dataTransfer.effectAllowed = "move";
      event.dataTransfer.setData("text/plain", name);
    });
    row.addEventListener("dragover", function (event) { event.preventDefault(); });
    row.addEventListener("drop", function (event) {
      event.preventDefault();
      var dragged = list.children[parseInt(list.dataset.dragging, 10)];
      if (!dragged || dragged === row) { return; }
      // Dropped on a ranked row it takes that rank; dropped on an unranked one it is ranked last, and the row it
      // landed on stays unranked: only the row the voter moved changes its meaning.
      dragged.dataset.ranked = "true";
      var target = row.dataset.ranked === "true" ? row : list.querySelector("[data-rank-row][data-ranked=false]");
      list.insertBefore(dragged, target);
      refresh(list);
      say(status, sentence("rankedSay", "%1 is ranked %2", labelOf(dragged), dragged.querySelector("select[data-rank]").value));
    });
  }

  function move(list, row, step, status, focus) {
    if (row.dataset.ranked !== "true") { return; }
    var ranked = Array.prototype.slice.call(list.querySelectorAll("[data-rank-row][data-ranked=true]"));
    var at = ranked.indexOf(row);
    var to = at + step;
    if (to < 0 || to >= ranked.length) { return; }
    list.insertBefore(row, step < 0 ? ranked[to] : ranked[to].nextSibling);
    refresh(list);
    say(status, sentence("rankedSay", "%1 is ranked %2", labelOf(row), row.querySelector("select[data-rank]").value));
    focus.focus();
  }

  // Ranked rows are numbered 1, 2, 3 in list order; the rest are blank (unranked).
  function refresh(list) {
    var rank = 0;
    list.querySelectorAll("[data-rank-row]").forEach(function (row) {
      var ranked = row.dataset.ranked === "true";
      if (ranked) { rank++; }
      row.querySelector("select[data-rank]").value = ranked ? String(rank) : "";
      row.querySelector("[data-rank-position]").textContent = ranked ? String(rank) + "." : "–";
      var toggle = row.querySelector("[data-rank-toggle]");
      toggle.textContent = ranked ? "unrank" : "rank";
      toggle.setAttribute("aria-label", (ranked ? "unrank " : "rank ") + labelOf(row));
      row.querySelector("[data-rank-up]").disabled = !ranked || rank === 1;
      row.classList.toggle("ranked", ranked);
    });
    list.querySelectorAll("[data-rank-row][data-ranked=true]").forEach(function (row, i, all) {
      row.querySelector("[data-rank-down]").disabled = i === all.length - 1;
    });
    list.querySelectorAll("[data-rank-row][data-ranked=false] [data-rank-down]").forEach(function (b) {
      b.disabled = true;
    });
  }

  function say(status, text) {
    status.textContent = text;
  }

  // The create form shows max_choices only while multiple choice is chosen (without script it is always shown,
  // and ignored for the other methods).
  function followVotingMethod(root) {
    root.querySelectorAll("select[name=voting_method]").forEach(function (select) {
      var form = select.form;
      if (!form) { return; }
      function show() {
        form.querySelectorAll("[data-method-field]").forEach(function (field) {
          field.hidden = field.getAttribute("data-method-field") !== select.value;
        });
      }
      if (!select.dataset.followed) {
        select.dataset.followed = "true";
        select.addEventListener("change", show);
      }
      show();
    });
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

  document.addEventListener("DOMContentLoaded", function () {
    fillTimezoneOffsets(document);
    solveChallenges(document);
    enhanceRankings(document);
    followVotingMethod(document);
  });
  document.addEventListener("htmx:afterSwap", function (event) {
    fillTimezoneOffsets(event.target);
    solveChallenges(document);
    enhanceRankings(document);
    followVotingMethod(document);
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
