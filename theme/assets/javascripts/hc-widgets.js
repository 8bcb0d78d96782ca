/*
 * Help-center widgets: the account state in the header and the order lookup.
 *
 * The store backend follows contract/store-api.yaml. Whatever it returns is inserted as text (textContent,
 * createElement), never as HTML, and its links are used only when they are absolute http(s) URLs. The email
 * and order number travel in a POST body only: never in a URL, the history, storage or the console.
 * Without this script every widget is a plain link to the matching store page.
 *
 * The theme does not load Material's JavaScript bundle (theme/main.html says why), so there is no instant
 * navigation: every page is an ordinary load that runs this script once, and nothing here listens for
 * Material's page changes.
 */
(function () {
  "use strict";

  var TIMEOUT_MS = 10000;
  var MAX_TEXT = 200;
  var MAX_ITEMS = 50;
  var EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

  /* Every word this script writes, in the page's language: the page's JSON block of strings
     (<script type="application/json" id="hc-strings">, from generator/rendering/locales/*.yml). A key the
     block lacks shows as the key itself, which tests catch; it never falls back to another language. */
  var STRINGS = readStrings();

  function readStrings() {
    var node = document.getElementById("hc-strings");
    try {
      var data = node ? JSON.parse(node.textContent || "{}") : {};
      return data && typeof data === "object" ? data : {};
    } catch (error) {
      return {};
    }
  }

  /** The string for key, with {name} placeholders filled from values (text only: never HTML). */
  function t(key, values) {
    var template = Object.prototype.hasOwnProperty.call(STRINGS, key) ? String(STRINGS[key]) : key;
    return template.replace(/\{(\w+)\}/g, function (whole, name) {
      return values && Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole;
    });
  }

  /** A string whose placeholders are nodes (a link, a badge): text and nodes, for append(). */
  function tNodes(key, nodes) {
    var parts = [];
    var template = Object.prototype.hasOwnProperty.call(STRINGS, key) ? String(STRINGS[key]) : key;
    template.split(/(\{\w+\})/).forEach(function (part) {
      var name = /^\{(\w+)\}$/.exec(part);
      if (name && Object.prototype.hasOwnProperty.call(nodes, name[1])) parts.push(nodes[name[1]]);
      else if (part) parts.push(part);
    });
    return parts;
  }

  /* The contract's statuses: a label and what it means for the shopper (status_<name>, status_<name>_text). */
  var STATUSES = ["pending_payment", "processing", "on_hold", "shipped", "in_transit", "out_for_delivery",
    "delivered", "cancelled", "refunded"];

  /* --- small DOM and data helpers ----------------------------------------------------------------------- */

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  function append(parent) {
    for (var i = 1; i < arguments.length; i++) {
      var child = arguments[i];
      if (child === null || child === undefined) continue;
      parent.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    }
    return parent;
  }

  /* A backend string (or number) as short display text; anything else is null. */
  function text(value) {
    if (typeof value === "number" && isFinite(value)) value = String(value);
    if (typeof value !== "string") return null;
    value = value.trim();
    if (!value) return null;
    return value.length > MAX_TEXT ? value.slice(0, MAX_TEXT - 1) + "\u2026" : value;
  }

  /* An absolute http(s) URL, or null: javascript:, data:, relative and malformed URLs are never links. */
  function safeUrl(value) {
    if (typeof value !== "string") return null;
    var url;
    try {
      url = new URL(value.trim());
    } catch (error) {
      return null;
    }
    return url.protocol === "https:" || url.protocol === "http:" ? url.href : null;
  }

  function link(href, label, className) {
    var anchor = el("a", className, label);
    anchor.href = href;
    return anchor;
  }

  function apiUrl(node) {
    var url = safeUrl(node.getAttribute("data-hc-api-url"));
    return url ? url.replace(/\/+$/, "") : null;
  }

  function list(value) {
    return Array.isArray(value) ? value.slice(0, MAX_ITEMS) : [];
  }

  /* One date format for the whole site: the CLDR "long" style of the page's language, which is what
     generator/rendering/dates.py (Babel) writes on pages ("November 26, 2026" in English, "26 novembre 2026" in French). */
  function formatDate(value, dateOnly) {
    if (typeof value !== "string") return null;
    var match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    // A bare date is a calendar day where the shopper is, not midnight UTC.
    var date = match ? new Date(+match[1], +match[2] - 1, +match[3]) : dateOnly ? null : new Date(value);
    if (!date || isNaN(date.getTime())) return null;
    var lang = document.documentElement.lang || undefined;
    try {
      return new Intl.DateTimeFormat(lang, { dateStyle: "long" }).format(date);
    } catch (error) {
      return date.toDateString();
    }
  }

  /* --- account: "Hi, <first name>" when the store says the shopper is signed in ----------------------- */

  var sessions = {};

  function fetchSession(api) {
    if (!sessions[api]) {
      var controller = new AbortController();
      var timer = setTimeout(function () { controller.abort(); }, TIMEOUT_MS);
      sessions[api] = fetch(api + "/session", {
        credentials: "include",
        headers: { Accept: "application/json" },
        cache: "no-store",
        signal: controller.signal
      })
        .then(function (response) { return response.ok ? response.json() : null; })
        .catch(function () { return null; }) // optional call: the links keep working without it
        .then(function (session) {
          clearTimeout(timer);
          return session;
        });
    }
    return sessions[api];
  }

  /* The header's links and an account article's buttons read the same session (one request per page) and
     show the same state. The greeting's attribute names its two strings: with the first name, without it. */
  function initAccount(widget) {
    if (widget.hasAttribute("data-hc-ready")) return;
    widget.setAttribute("data-hc-ready", "");
    var signedIn = widget.querySelector('[data-hc-account-state="signed-in"]');
    var signedOut = widget.querySelector('[data-hc-account-state="signed-out"]');
    var api = apiUrl(widget);
    if (!signedIn || !signedOut || !api || !window.fetch || !window.AbortController) return;
    fetchSession(api).then(function (session) {
      if (!session || typeof session !== "object" || session.signed_in !== true) return;
      var name = text(session.first_name);
      var greeting = widget.querySelector("[data-hc-account-greeting]");
      if (greeting) {
        var keys = (greeting.getAttribute("data-hc-account-greeting") || "greeting signed_in").split(" ");
        greeting.textContent = name ? t(keys[0], { name: name.slice(0, 40) }) : t(keys[1] || keys[0]);
      }
      signedOut.hidden = true;
      signedIn.hidden = false;
    });
  }

  /* --- order lookup: checking the fields ------------------------------------------------------------------ */

  function fieldProblems(values) {
    var problems = [];
    if (!values.order_number) problems.push(["order_number", t("enter_order_number")]);
    else if (values.order_number.length > 40) problems.push(["order_number", t("order_number_too_long")]);
    if (!values.email) problems.push(["email", t("enter_email")]);
    else if (values.email.length > 254 || !EMAIL.test(values.email)) {
      problems.push(["email", t("email_like")]);
    }
    return problems;
  }

  function showFieldProblems(form, problems) {
    ["order_number", "email"].forEach(function (name) {
      var input = form.elements.namedItem(name);
      var message = form.querySelector('[data-hc-error-for="' + name + '"]');
      var problem = problems.filter(function (p) { return p[0] === name; })[0];
      if (input) {
        if (problem) input.setAttribute("aria-invalid", "true");
        else input.removeAttribute("aria-invalid");
      }
      if (message) {
        message.textContent = problem ? problem[1] : "";
        message.hidden = !problem;
      }
    });
  }

  /* --- order lookup: asking the store --------------------------------------------------------------------- */

  function parseJson(body) {
    try {
      return { value: JSON.parse(body) };
    } catch (error) {
      return null;
    }
  }

  function isObject(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value);
  }

  function retryAfter(header) {
    if (!header) return null;
    var seconds = /^\s*\d+\s*$/.test(header) ? parseInt(header, 10) : Math.ceil((Date.parse(header) - Date.now()) / 1000);
    return isFinite(seconds) ? Math.min(Math.max(seconds, 1), 86400) : null;
  }

  /* What the store's answer means: one outcome per case of the contract, and one for anything else. */
  function outcomeOf(response, body) {
    var status = response.status;
    var json = parseJson(body);
    if (status === 429) return { kind: "rate-limited", wait: retryAfter(response.headers.get("Retry-After")) };
    if (status >= 500) return { kind: "server" };
    if (!json) return { kind: "not-json" };
    if (status === 200) {
      var order = json.value;
      var valid = isObject(order) && text(order.order_number) && typeof order.status === "string";
      return valid ? { kind: "found", order: order } : { kind: "unexpected" };
    }
    if (status === 404) return { kind: "not-found" };
    if (status === 422) return { kind: "invalid" };
    return { kind: "unexpected" };
  }

  function lookUp(api, values, timeout) {
    var controller = new AbortController();
    var timedOut = false;
    var timer = setTimeout(function () { timedOut = true; controller.abort(); }, timeout);
    return fetch(api + "/orders/lookup", {
      method: "POST",
      mode: "cors",
      credentials: "omit",
      cache: "no-store",
      headers: { "Content-Type": "application/json", Accept: "application/json" },
      body: JSON.stringify(values),
      signal: controller.signal
    })
      .then(function (response) {
        // The timer also covers reading the body: a store can stall half-way through it.
        return response.text().then(function (body) { return outcomeOf(response, body); });
      })
      .catch(function () { return { kind: timedOut ? "timeout" : "network" }; })
      .then(function (outcome) {
        clearTimeout(timer);
        return outcome;
      });
  }

  /* --- order lookup: showing the outcome ------------------------------------------------------------------ */

  /* Each failure's title and explanation: keys of the strings block. */
  var FAILURES = {
    "not-found": ["not_found", "not_found_text"],
    invalid: ["invalid", "invalid_text"],
    server: ["server", "server_text"],
    "not-json": ["unreadable", "try_again_later"],
    unexpected: ["unreadable", "try_again_later"],
    network: ["network", "network_text"],
    timeout: ["timeout", "timeout_text"]
  };

  function waitText(seconds) {
    if (!seconds) return t("wait_a_minute");
    if (seconds < 120) return t(seconds === 1 ? "wait_second" : "wait_seconds", { count: seconds });
    return t("wait_minutes", { count: Math.ceil(seconds / 60) });
  }

  function storeLinks(form) {
    return {
      name: text(form.getAttribute("data-hc-store-name")) || t("the_store"),
      orders: safeUrl(form.getAttribute("data-hc-orders-url")),
      contact: safeUrl(form.getAttribute("data-hc-contact-url"))
    };
  }

  /* The widget's own line under the output already links the shopper's orders; a failure adds only the
     other way out, customer service, so nothing is said twice. */
  function helpLine(store) {
    var line = el("p", "hc-result__help");
    if (store.contact) {
      append.apply(null, [line].concat(tNodes("still_stuck", { link: link(store.contact, t("still_stuck_link")) })));
    }
    return line;
  }

  function renderFailure(outcome, store) {
    var keys = FAILURES[outcome.kind] || FAILURES.unexpected;
    var words = outcome.kind === "rate-limited"
      ? [t("rate_limited"), waitText(outcome.wait)]
      : [t(keys[0], { seconds: TIMEOUT_MS / 1000 }), t(keys[1], { seconds: TIMEOUT_MS / 1000 })];
    var box = el("div", "hc-result hc-result--error");
    box.setAttribute("data-hc-outcome", outcome.kind);
    return append(box, focusTarget(el("p", "hc-result__title", words[0])), el("p", null, words[1]), helpLine(store));
  }

  function renderStatus(order) {
    var known = STATUSES.indexOf(order.status) >= 0;
    var words = known ? [t("status_" + order.status), t("status_" + order.status + "_text")] : null;
    var line = el("p", "hc-order__status");
    var badge = el("span", "hc-order__badge", words ? words[0] : text(order.status) || t("unknown_status"));
    if (words) badge.className += " hc-order__badge--" + order.status.replace(/_/g, "-");
    append.apply(null, [line].concat(tNodes("status_line", { badge: badge, text: words ? words[1] : t("see_order_page") })));
    return line;
  }

  function renderItems(order) {
    var items = list(order.items).filter(isObject);
    if (!items.length) return null;
    var ul = el("ul", "hc-order__items");
    items.forEach(function (item) {
      var quantity = typeof item.quantity === "number" && item.quantity >= 1 ? Math.floor(item.quantity) : 1;
      ul.appendChild(el("li", null, quantity + " \u00d7 " + (text(item.title) || t("item"))));
    });
    return append(el("div"), el("h4", null, t("items")), ul);
  }

  /* A shipment's status is the carrier's or store's own free text ("In transit", in whatever language the
     store writes it): shown as sent, after a label in the page's language. Once the order is delivered an
     estimated delivery date is history, not news. */
  function renderShipment(shipment, delivered) {
    var li = el("li", "hc-order__shipment");
    var carrier = text(shipment.carrier);
    var number = text(shipment.tracking_number);
    var status = text(shipment.status);
    var eta = delivered ? null : formatDate(shipment.estimated_delivery, true);
    var tracking = safeUrl(shipment.tracking_url);
    append(li, el("span", "hc-order__carrier", carrier || t("carrier_not_given")));
    if (number) append(li, el("span", "hc-order__tracking", t("tracking_number", { number: number })));
    if (status) {
      var sent = el("span", "hc-order__carrier-status-text", status);
      append(li, append.apply(null, [el("span", "hc-order__carrier-status")].concat(tNodes("carrier_status", { status: sent }))));
    }
    if (eta) append(li, el("span", null, t("estimated_delivery", { date: eta })));
    if (tracking) {
      var anchor = link(tracking, carrier ? t("track_parcel_on", { carrier: carrier }) : t("track_parcel"));
      anchor.rel = "noopener noreferrer";
      append(li, anchor);
    }
    return li;
  }

  function renderShipments(order) {
    var shipments = list(order.shipments).filter(isObject);
    if (!shipments.length) return null;
    var ul = el("ul", "hc-order__shipments");
    var delivered = order.status === "delivered";
    shipments.forEach(function (shipment) { ul.appendChild(renderShipment(shipment, delivered)); });
    return append(el("div"), el("h4", null, t(shipments.length > 1 ? "shipments" : "shipment")), ul);
  }

  function renderNextSteps(order, store) {
    var ul = el("ul", "hc-order__next");
    if (order.can_cancel === true) {
      var contact = store.contact ? link(store.contact, t("contact_customer_service")) : t("contact_customer_service");
      var cancel = append.apply(null, [el("li")].concat(tNodes("cancel_before_shipping", { link: contact })));
      ul.appendChild(cancel);
    }
    var returnUrl = safeUrl(order.return_url);
    if (returnUrl) ul.appendChild(append.apply(null, [el("li")].concat(tNodes("start_return", { link: link(returnUrl, t("start_return_link")) }))));
    var page = safeUrl(order.status_url) || store.orders;
    if (page) ul.appendChild(append(el("li"), link(page, t("see_order_on", { store: store.name }))));
    return ul.childNodes.length ? append(el("div"), el("h4", null, t("next_steps")), ul) : null;
  }

  function renderOrder(order, store) {
    var box = el("div", "hc-result hc-order");
    box.setAttribute("data-hc-outcome", "found");
    var placed = formatDate(order.placed_at, false);
    return append(
      box,
      focusTarget(el("h3", "hc-order__title", t("order_heading", { number: text(order.order_number) }))),
      renderStatus(order),
      placed ? el("p", "hc-order__placed", t("placed_on", { date: placed })) : null,
      renderItems(order),
      renderShipments(order),
      renderNextSteps(order, store)
    );
  }

  function show(output, node) {
    output.textContent = "";
    output.appendChild(node);
  }

  /** The element an outcome's focus goes to: its title, focusable by script only. */
  function focusTarget(node) {
    node.setAttribute("tabindex", "-1");
    node.setAttribute("data-hc-focus", "");
    return node;
  }

  /* The outcome appears under the button, below the fold on a phone: focus moves to its title, so a screen
     reader reads it and the keyboard goes on from there, and the outcome is scrolled up into view when it
     does not fit where it is (the sticky header is allowed for by scroll-padding-top, hc.css). */
  function showOutcome(output, node) {
    show(output, node);
    var title = node.querySelector("[data-hc-focus]") || (node.hasAttribute("data-hc-focus") ? node : null);
    if (!title) return;
    title.focus({ preventScroll: true });
    var box = node.getBoundingClientRect();
    if (box.top < 0 || box.bottom > window.innerHeight) node.scrollIntoView({ block: "start" });
  }

  /* --- order lookup: the order number as the store writes it ----------------------------------------------- */

  /** What the shopper typed, as the store writes its numbers. Without a rule: trimmed and upper-cased. With
   *  the store's rule (extra.store.order_numbers in mkdocs.yml, on the form as data-hc-order-prefix and
   *  data-hc-order-digits), "kw 10153", "KW10153", "#KW-10153" and "10153" all become "KW-10153"; what does
   *  not fit the rule (the development store's TEST-500, say) is sent as typed. */
  function normaliseOrderNumber(form, typed) {
    var value = typed.trim().toUpperCase();
    var prefix = form.getAttribute("data-hc-order-prefix");
    var digits = parseInt(form.getAttribute("data-hc-order-digits") || "", 10);
    if (prefix === null && !digits) return value;
    prefix = prefix || "";
    var letters = prefix.replace(/[^A-Z0-9]/g, "");
    var compact = value.replace(/[\s#._\/-]+/g, "");
    var number = compact.indexOf(letters) === 0 ? compact.slice(letters.length) : compact;
    if (!/^\d+$/.test(number) || (digits && number.length !== digits)) return value;
    return prefix + number;
  }

  /* --- order lookup: wiring ------------------------------------------------------------------------------- */

  /** The store said to wait (429 with Retry-After): the button stays disabled until then, and a
   *  lookup asked for meanwhile is not sent; the shopper is told how long is left instead. */
  function holdOff(button, state, seconds) {
    state.waitUntil = Date.now() + seconds * 1000;
    if (button) button.setAttribute("aria-disabled", "true");
    clearTimeout(state.waitTimer);
    state.waitTimer = setTimeout(function () {
      state.waitUntil = 0;
      if (button) button.removeAttribute("aria-disabled");
    }, seconds * 1000);
  }

  function secondsToWait(state) {
    return state.waitUntil ? Math.ceil((state.waitUntil - Date.now()) / 1000) : 0;
  }

  function submitLookup(form, output, api, state) {
    if (state.busy) return;
    var wait = secondsToWait(state);
    if (wait > 0) {
      showOutcome(output, renderFailure({ kind: "rate-limited", wait: wait }, storeLinks(form)));
      return;
    }
    var values = {
      order_number: normaliseOrderNumber(form, String(form.elements.namedItem("order_number").value || "")),
      email: String(form.elements.namedItem("email").value || "").trim()
    };
    var problems = fieldProblems(values);
    showFieldProblems(form, problems);
    if (problems.length) {
      var note = el("p", "hc-result hc-result--error", t(problems.length > 1 ? "correct_fields" : "correct_field"));
      note.setAttribute("data-hc-outcome", "check-fields");
      show(output, note);
      form.elements.namedItem(problems[0][0]).focus();
      return;
    }
    var button = form.querySelector('[type="submit"]');
    state.busy = true;
    if (button) button.setAttribute("aria-disabled", "true");
    output.setAttribute("aria-busy", "true");
    var busy = el("p", "hc-result hc-result--busy", t("looking_up"));
    busy.setAttribute("data-hc-outcome", "busy");
    show(output, busy);
    lookUp(api, values, TIMEOUT_MS).then(function (outcome) {
      state.busy = false;
      if (button) button.removeAttribute("aria-disabled");
      output.removeAttribute("aria-busy");
      if (outcome.kind === "rate-limited" && outcome.wait) holdOff(button, state, outcome.wait);
      var store = storeLinks(form);
      showOutcome(output, outcome.kind === "found" ? renderOrder(outcome.order, store) : renderFailure(outcome, store));
    });
  }

  function initLookup(form) {
    if (form.hasAttribute("data-hc-ready")) return;
    form.setAttribute("data-hc-ready", "");
    var output = form.querySelector("[data-hc-widget-output]");
    var api = apiUrl(form);
    // Without these the widget stays what it is without JavaScript: a link to the store's orders page.
    if (!output || !api || !window.fetch || !window.AbortController || !form.elements.namedItem("email")) return;
    var state = { busy: false, waitUntil: 0, waitTimer: 0 };
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      submitLookup(form, output, api, state);
    });
    form.addEventListener("input", function (event) {
      var name = event.target && event.target.name;
      if (name && event.target.getAttribute("aria-invalid") === "true") {
        event.target.removeAttribute("aria-invalid");
        var message = form.querySelector('[data-hc-error-for="' + name + '"]');
        if (message) {
          message.textContent = "";
          message.hidden = true;
        }
      }
    });
    var hidden = form.querySelectorAll("[data-hc-js-only]");
    for (var i = 0; i < hidden.length; i++) hidden[i].hidden = false;
  }

  /* --- start: once per page --------------------------------------------------------------------------------- */

  function initAll() {
    var lookups = document.querySelectorAll('[data-hc-widget="order-lookup"]');
    for (var i = 0; i < lookups.length; i++) initLookup(lookups[i]);
    var accounts = document.querySelectorAll('[data-hc-widget="account"]');
    for (var j = 0; j < accounts.length; j++) initAccount(accounts[j]);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", initAll);
  } else {
    initAll();
  }
})();
