// The console's only script: the run button, the retry buttons, and a poll that keeps the counts
// fresh. Everything goes through the public sync API with the session cookie.
(function () {
  "use strict";

  const POLL_MS = 10000;

  function $(id) {
    return document.getElementById(id);
  }

  function describeAge(seconds) {
    if (seconds === null || seconds === undefined) return "none waiting";
    const s = Math.max(0, seconds);
    if (s < 60) return s + " s";
    if (s < 3600) return Math.floor(s / 60) + " min " + (s % 60) + " s";
    if (s < 86400) return Math.floor(s / 3600) + " h " + Math.floor((s % 3600) / 60) + " min";
    return Math.floor(s / 86400) + " d " + Math.floor((s % 86400) / 3600) + " h";
  }

  function showStats(stats) {
    if (!stats) return;
    for (const key of ["pending", "processing", "completed", "failed", "total"]) {
      $("count-" + key).textContent = stats[key];
    }
    $("oldest-pending").textContent = describeAge(stats.oldestPendingAgeSeconds);
  }

  // The pauses in words, as the page renders them: what is wrong, what to do, since when.
  function showPaused(paused) {
    const list = $("paused-list");
    if (!list) return;
    list.replaceChildren();
    paused.forEach(function (p) {
      const item = document.createElement("li");
      const scope = document.createElement("strong");
      scope.textContent = p.tab ? "Tab " + p.tab : "Whole spreadsheet";
      item.append(scope, ": " + p.reason + ". To fix: " + p.hint + ". ");
      const since = document.createElement("span");
      since.className = "muted";
      since.textContent = "Since " + String(p.since).replace("T", " ").replace(/\.\d+/, "").replace("Z", " UTC");
      item.append(since);
      list.append(item);
    });
    $("paused").hidden = paused.length === 0;
  }

  async function post(url) {
    const response = await fetch(url, {
      method: "POST",
      credentials: "same-origin",
      headers: { Accept: "application/json" },
    });
    let body = {};
    try {
      body = await response.json();
    } catch (e) {
      // a proxy's HTML error page: keep the status only
    }
    return { status: response.status, body: body };
  }

  async function refresh() {
    try {
      const response = await fetch("/api/sync/queue", {
        credentials: "same-origin",
        headers: { Accept: "application/json" },
      });
      if (response.status === 401) {
        window.location.assign("/login");
        return;
      }
      const body = await response.json();
      if (body.success) {
        showStats(body.data.stats);
        showPaused(body.data.paused || []);
        if (body.data.lastProcessed) {
          $("last-processed").textContent = body.data.lastProcessed;
        }
      }
    } catch (e) {
      // offline for a moment; the next poll tries again
    }
  }

  async function runWriteBack() {
    const button = $("run-write-back");
    const indicator = $("run-indicator");
    const output = $("run-result");
    button.disabled = true;
    indicator.hidden = false;
    output.textContent = "";
    output.className = "";
    try {
      const { status, body } = await post("/api/sync/write-back");
      if (status === 200 && body.success) {
        const r = body.result;
        output.textContent =
          "Processed " + r.processed + ": " + r.succeeded + " succeeded, " +
          r.failed + " failed, " + r.skipped + " skipped.";
        output.dataset.processed = r.processed;
        output.dataset.succeeded = r.succeeded;
        output.dataset.failed = r.failed;
        output.dataset.skipped = r.skipped;
        showStats(body.queueStats);
      } else if (status === 409) {
        output.textContent = "A write-back is already running; try again when it has finished.";
        output.className = "error";
      } else {
        output.textContent = body.error || "Write-back failed (HTTP " + status + ").";
        output.className = "error";
      }
    } catch (e) {
      output.textContent = "Write-back failed: the service did not answer.";
      output.className = "error";
    } finally {
      indicator.hidden = true;
      button.disabled = false;
    }
  }

  async function retry(button) {
    button.disabled = true;
    const { status, body } = await post("/api/sync/queue/" + button.dataset.id + "/retry");
    if (status === 200) {
      button.closest("tr").remove();
      refresh();
    } else {
      button.disabled = false;
      button.title = body.error || "HTTP " + status;
    }
  }

  async function retryAll(button) {
    button.disabled = true;
    const { status } = await post("/api/sync/queue/retry-failed");
    if (status === 200) {
      window.location.reload();
    } else {
      button.disabled = false;
    }
  }

  document.addEventListener("DOMContentLoaded", function () {
    const run = $("run-write-back");
    if (run) run.addEventListener("click", runWriteBack);
    const all = $("retry-all");
    if (all) all.addEventListener("click", function () { retryAll(all); });
    document.querySelectorAll("button.retry").forEach(function (b) {
      b.addEventListener("click", function () { retry(b); });
    });
    setInterval(refresh, POLL_MS);
  });
})();
