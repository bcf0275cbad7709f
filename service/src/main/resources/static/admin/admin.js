// The console's only script: the run button, the retry buttons, and a refresh that keeps the page
// true. A refresh fetches the page again and swaps its live part (#live), so counts, chart,
// waiting and failed items, log, runs and every time are rendered by the server in one format,
// whether on the 10 s timer or right after a run. Actions go through the public sync API.
(function () {
  "use strict";

  const POLL_MS = 10000;

  function $(id) {
    return document.getElementById(id);
  }

  async function post(url, json) {
    const headers = { Accept: "application/json" };
    if (json !== undefined) headers["Content-Type"] = "application/json";
    const response = await fetch(url, {
      method: "POST",
      credentials: "same-origin",
      headers: headers,
      body: json === undefined ? undefined : JSON.stringify(json),
    });
    let body = {};
    try {
      body = await response.json();
    } catch (e) {
      // a proxy's HTML error page: keep the status only
    }
    return { status: response.status, body: body };
  }

  let refreshing = null;

  // One refresh at a time; a caller during a refresh waits for it and then refreshes again, so that
  // what it changed (a run, a retry) is shown.
  async function refresh() {
    while (refreshing) {
      await refreshing;
    }
    refreshing = load();
    try {
      await refreshing;
    } finally {
      refreshing = null;
    }
  }

  async function load() {
    try {
      const response = await fetch(window.location.pathname, {
        credentials: "same-origin",
        headers: { Accept: "text/html" },
      });
      if (response.redirected && response.url.indexOf("/login") >= 0) {
        window.location.assign("/login");
        return;
      }
      if (!response.ok) return;
      const page = new DOMParser().parseFromString(await response.text(), "text/html");
      const live = page.getElementById("live");
      if (live) {
        $("live").replaceWith(document.adoptNode(live));
        document.body.dataset.refreshedAt = String(Date.now());
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
    delete output.dataset.processed;
    try {
      const { status, body } = await post("/api/sync/write-back");
      if (status === 200 && body.success) {
        const r = body.result;
        output.textContent =
          "Processed " + r.processed + ": " + r.succeeded + " succeeded, " +
          r.failed + " failed, " + r.skipped + " skipped.";
        await refresh();
        output.dataset.succeeded = r.succeeded;
        output.dataset.failed = r.failed;
        output.dataset.skipped = r.skipped;
        // Set last: tests (and people) can rely on the page being current once it is there.
        output.dataset.processed = r.processed;
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

  async function act(button, url, json) {
    button.disabled = true;
    const { status, body } = await post(url, json);
    if (status === 200) {
      await refresh();
    } else {
      button.disabled = false;
      // A refused value names its field: show why, not only "Validation failed".
      const reasons = body.fields ? Object.keys(body.fields).map(function (f) {
        return f + " " + body.fields[f];
      }) : [];
      button.title = reasons.length ? reasons.join("; ") : body.error || "HTTP " + status;
    }
  }

  document.addEventListener("DOMContentLoaded", function () {
    const run = $("run-write-back");
    if (run) run.addEventListener("click", runWriteBack);
    // Delegated: the buttons inside #live are replaced on every refresh.
    document.addEventListener("click", function (event) {
      const button = event.target.closest("button");
      if (!button || !$("live").contains(button)) return;
      if (button.id === "retry-all") {
        act(button, "/api/sync/queue/retry-failed");
      } else if (button.id === "retry-waiting") {
        // "Retry now": make every waiting item due, then run the write-back as the button above.
        button.disabled = true;
        post("/api/sync/queue/retry-waiting").then(runWriteBack);
      } else if (button.classList.contains("retry")) {
        act(button, "/api/sync/queue/" + button.dataset.id + "/retry");
      } else if (button.classList.contains("resolve")) {
        // Keep the database's or the sheet's value; a refused sheet value shows its reason.
        act(button, "/api/sync/conflicts/" + button.dataset.id + "/resolve", {
          keep: button.dataset.keep,
        }).then(function () {
          if (button.title) {
            const row = button.closest("tr");
            const reason = row && row.querySelector(".resolve-error");
            if (reason) reason.textContent = button.title;
          }
        });
      }
    });
    setInterval(refresh, POLL_MS);
  });
})();
