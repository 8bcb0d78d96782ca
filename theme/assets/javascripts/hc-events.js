/*
 * Help-center events (contract/store-api.yaml, POST /events): "Was this helpful?" votes, the searches a
 * shopper settled on, the results they opened and the contact links they followed.
 *
 * Anonymous by design: no cookie (credentials "omit"), no identifier, no storage; the queue lives in this
 * page's memory only and an event carries the page's path and locale, never its query string. Emails and
 * long digit runs are cut from queries and comments before they are queued. Nothing is requested at load:
 * batches leave when the page is hidden, or at most every 30 s while it stays open, with fetch keepalive in
 * no-cors mode as text/plain JSON (no preflight), at most 50 events and 64 KiB each. The answer is never
 * read and a failed batch is dropped, never retried: a store that is down, slow or hostile changes nothing.
 *
 * Search boxes are observed, not changed: hc-search-box.js marks a box [data-hc-search] with
 * data-hc-search-done="<query>" once it has shown that query's results in [data-hc-search-results].
 * window.hcEvents.record(event) lets any other script queue an event of the contract.
 */
(function () {
  "use strict";

  var script = document.currentScript;
  var url = script && script.getAttribute("data-hc-events-url");
  if (!url || typeof fetch !== "function" || !window.MutationObserver) return;
  var contactUrl = script.getAttribute("data-hc-contact-url") || "";
  var pageArticle = script.getAttribute("data-hc-article") || "";

  var MAX_EVENTS = 50;
  var MAX_BYTES = 64 * 1024;
  var MAX_QUEUE = 500;         // memory bound: a page left open for days drops the oldest
  var INTERVAL_MS = 30000;
  var SETTLE_MS = 1500;        // the contract: typing stopped for 1.5 s
  var EMAIL = /[^\s@]+@[^\s@]+/g;
  var LONG_NUMBER = /\d(?:[\s().\/-]*\d){4,}/g;  // five digits or more, even written 06 12 34 56 78

  var queue = [];
  var timer = null;
  var lastSent = Date.now();  // the first batch waits 30 s too: nothing leaves near the page load

  /* --- the queue and the batches ------------------------------------------------------------------- */

  /** What a shopper typed, without what looks like an email or a long number, at most `max` chars. */
  function scrub(text, max) {
    return String(text || "").replace(EMAIL, " ").replace(LONG_NUMBER, " ")
      .replace(/\s+/g, " ").trim().slice(0, max);
  }

  function minute() {
    var now = new Date();
    now.setUTCSeconds(0, 0);
    return now.toISOString().replace(/\.\d{3}Z$/, "Z");
  }

  function event(type, fields) {
    var made = {
      type: type,
      path: location.pathname.slice(0, 300),
      locale: (document.documentElement.getAttribute("lang") || "en").slice(0, 20),
      at: minute()
    };
    Object.keys(fields).forEach(function (key) {
      if (fields[key] !== undefined && fields[key] !== "") made[key] = fields[key];
    });
    return made;
  }

  function record(type, fields) {
    queue.push(event(type, fields || {}));
    if (queue.length > MAX_QUEUE) queue.splice(0, queue.length - MAX_QUEUE);
    if (timer === null) timer = setTimeout(tick, Math.max(1000, lastSent + INTERVAL_MS - Date.now()));
  }

  function tick() {
    timer = null;
    flush(false, false);
  }

  function bytes(text) {
    return new Blob([text]).size;
  }

  /** The next batch taken off the queue: at most 50 events and 64 KiB of JSON. */
  function nextBatch() {
    var taken = [];
    while (queue.length && taken.length < MAX_EVENTS) {
      var body = JSON.stringify({ events: taken.concat([queue[0]]) });
      if (bytes(body) > MAX_BYTES) {
        if (!taken.length) queue.shift();  // one event larger than a batch cannot be sent at all
        break;
      }
      taken.push(queue.shift());
    }
    return taken;
  }

  function post(events) {
    try {
      fetch(url, {
        method: "POST",
        body: JSON.stringify({ events: events }),
        headers: { "Content-Type": "text/plain;charset=UTF-8" },
        keepalive: true,
        credentials: "omit",
        mode: "no-cors",
        cache: "no-store",
        referrerPolicy: "no-referrer"
      }).catch(function () { /* dropped, never retried */ });
    } catch (error) { /* keepalive quota or a blocked URL: dropped too */ }
  }

  /** Send what is queued: everything when the page is hidden, else one batch (the 30 s pace). A No
   *  whose reasons are still being chosen leaves only with the page (pagehide), so that a shopper who
   *  switches tabs and comes back to send reasons is not counted twice. */
  function flush(hidden, leaving) {
    if (hidden) settleAll();
    if (leaving) holdVote(false);
    var budget = MAX_BYTES;  // the browser's keepalive allowance for a page that is going away
    do {
      var batch = nextBatch();
      if (!batch.length) break;
      var size = bytes(JSON.stringify({ events: batch }));
      if (size > budget) { queue.length = 0; break; }
      budget -= size;
      lastSent = Date.now();
      post(batch);
    } while (hidden);
    if (queue.length && timer === null) timer = setTimeout(tick, INTERVAL_MS);
  }

  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "hidden") flush(true, false);
  });
  window.addEventListener("pagehide", function () { flush(true, true); });

  /* --- searches, result clicks and contact clicks ------------------------------------------------- */

  var boxes = [];  // [box, {query, results, timer, settled}]

  function stateOf(box) {
    for (var i = 0; i < boxes.length; i++) if (boxes[i][0] === box) return boxes[i][1];
    var state = { query: "", results: 0, timer: null, settled: "" };
    boxes.push([box, state]);
    return state;
  }

  function settle(box) {
    var state = stateOf(box);
    clearTimeout(state.timer);
    state.timer = null;
    var query = scrub(state.query, 100);
    if (!query || query === state.settled) return;
    state.settled = query;
    record("search", { query: query, results: state.results });
  }

  function settleAll() {
    boxes.forEach(function (entry) { if (entry[1].timer !== null) settle(entry[0]); });
  }

  function later(box) {
    var state = stateOf(box);
    clearTimeout(state.timer);
    state.timer = setTimeout(function () { settle(box); }, SETTLE_MS);
  }

  function onResults(box) {
    var state = stateOf(box);
    var list = box.querySelector("[data-hc-search-results]");
    state.query = box.getAttribute("data-hc-search-done") || "";
    state.results = list ? list.children.length : 0;
    later(box);
  }

  new MutationObserver(function (records) {
    records.forEach(function (change) {
      if (change.target.matches && change.target.matches("[data-hc-search]")) onResults(change.target);
    });
  }).observe(document.body || document.documentElement, {
    subtree: true, attributes: true, attributeFilter: ["data-hc-search-done"]
  });

  document.addEventListener("input", function (e) {
    var box = e.target.closest && e.target.closest("[data-hc-search]");
    if (!box || !e.target.matches("[data-hc-search-input]")) return;
    var state = stateOf(box);
    if (!e.target.value.trim()) { clearTimeout(state.timer); state.timer = null; state.query = ""; }
    else if (state.timer !== null) later(box);  // still typing
  });

  document.addEventListener("keydown", function (e) {
    var box = e.key === "Enter" && e.target.closest && e.target.closest("[data-hc-search]");
    if (box && stateOf(box).timer !== null) settle(box);
  });

  /** The query that led to this link: the last one settled or pending in any search box of the page. */
  function lastQuery() {
    var found = "";
    boxes.forEach(function (entry) { found = scrub(entry[1].query, 100) || found; });
    return found;
  }

  function sameAddress(href, other) {
    return Boolean(other) && href.split("#")[0].replace(/\/$/, "") === other.split("#")[0].replace(/\/$/, "");
  }

  function onLinkFollowed(e) {
    if (e.type === "auxclick" && e.button !== 1) return;
    var link = e.target.closest && e.target.closest("a[href]");
    if (!link) return;
    var box = link.closest("[data-hc-search]");
    var results = box && link.closest("[data-hc-search-results]");
    if (results) {
      settle(box);
      var rank = Array.prototype.indexOf.call(results.children, link.closest("[data-hc-search-results] > *")) + 1;
      record("result_click", {
        query: scrub(stateOf(box).query, 100),
        article: (link.getAttribute("data-hc-search-id") || "").slice(0, 100),
        rank: rank > 0 ? rank : undefined
      });
    } else if (link.getAttribute("data-hc-link") === "contact" || sameAddress(link.href, contactUrl)) {
      settleAll();
      record("contact_click", { query: lastQuery(), article: pageArticle });
    }
  }

  document.addEventListener("click", onLinkFollowed, true);
  document.addEventListener("auxclick", onLinkFollowed, true);

  /* --- "Was this helpful?" ------------------------------------------------------------------------ */

  var heldVote = null;  // a No waits for its reasons; it leaves when they are sent or the page goes away

  function holdVote(keep) {
    if (!heldVote) return;
    if (!keep) record("vote", heldVote);
    heldVote = keep ? heldVote : null;
  }

  function show(widget, name) {
    var shown = null;
    widget.querySelectorAll("[data-hc-feedback-step]").forEach(function (step) {
      step.hidden = step.getAttribute("data-hc-feedback-step") !== name;
      if (!step.hidden) shown = step;
    });
    if (shown) shown.focus({ preventScroll: false });
  }

  function setUpFeedback(widget) {
    var article = (widget.getAttribute("data-hc-article") || pageArticle).slice(0, 100);
    widget.addEventListener("click", function (e) {
      var button = e.target.closest && e.target.closest("[data-hc-vote]");
      if (!button) return;
      if (button.getAttribute("data-hc-vote") === "yes") {
        record("vote", { article: article, helpful: true });
        show(widget, "thanks");
        return;
      }
      heldVote = { article: article, helpful: false };
      show(widget, "reasons");
    });
    widget.addEventListener("submit", function (e) {
      e.preventDefault();
      var form = e.target;
      var checked = form.querySelector("input[name=reason]:checked");
      var comment = form.querySelector("textarea");
      if (heldVote) {
        heldVote.reason = checked ? checked.value : undefined;
        heldVote.comment = comment ? scrub(comment.value, 300) : undefined;
        holdVote(false);
      }
      var after = widget.querySelector("[data-hc-feedback-after-no]");
      if (after) after.hidden = false;
      show(widget, "thanks");
    });
    widget.hidden = false;
  }

  document.querySelectorAll("[data-hc-feedback]").forEach(setUpFeedback);

  window.hcEvents = {
    /** Queue one event of the contract (`type` and its own fields; path, locale and time are added). */
    record: function (type, fields) { record(type, fields); },
    scrub: scrub
  };
})();
