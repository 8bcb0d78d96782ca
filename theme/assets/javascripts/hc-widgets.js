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

  /* The contract's statuses in plain words: [label, what it means for the shopper]. */
  var STATUSES = {
    pending_payment: ["Waiting for payment", "We will start preparing your order once the payment is confirmed."],
    processing: ["Being prepared", "We are picking and packing your order."],
    on_hold: ["On hold", "Your order is paused while we check a detail with you or your bank."],
    shipped: ["Shipped", "Your order has left our warehouse."],
    in_transit: ["On its way", "The carrier has your parcel and is bringing it to you."],
    out_for_delivery: ["Out for delivery", "Your parcel should arrive today."],
    delivered: ["Delivered", "The carrier has delivered your order."],
    cancelled: ["Cancelled", "This order was cancelled."],
    refunded: ["Refunded", "This order was refunded to your original payment method."]
  };

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
      if (greeting) greeting.textContent = name ? "Hi, " + name.slice(0, 40) : "Signed in";
      signedOut.hidden = true;
      signedIn.hidden = false;
    });
  }

  /* --- order lookup: checking the fields ------------------------------------------------------------------ */

  function fieldProblems(values) {
    var problems = [];
    if (!values.order_number) problems.push(["order_number", "Enter your order number."]);
    else if (values.order_number.length > 40) problems.push(["order_number", "An order number has at most 40 characters."]);
    if (!values.email) problems.push(["email", "Enter the email address you ordered with."]);
    else if (values.email.length > 254 || !EMAIL.test(values.email)) {
      problems.push(["email", "Enter an email address like name@example.com."]);
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

  var FAILURES = {
    "not-found": ["We could not find that order",
      "No order matches this order number and email address. Check both against your order confirmation email and try again."],
    invalid: ["The store could not read this request",
      "Check the order number and email address and try again."],
    server: ["The store's order service has a problem",
      "This is not something you did. Please try again in a few minutes."],
    "not-json": ["We could not read the store's answer", "Please try again in a few minutes."],
    unexpected: ["We could not read the store's answer", "Please try again in a few minutes."],
    network: ["We could not reach the store", "Check your internet connection and try again."],
    timeout: ["The store took too long to answer",
      "It did not answer within " + TIMEOUT_MS / 1000 + " seconds. Please try again in a moment."]
  };

  function waitText(seconds) {
    if (!seconds) return "Please wait a minute, then try again.";
    if (seconds < 120) return "Please wait " + seconds + (seconds === 1 ? " second" : " seconds") + ", then try again.";
    return "Please wait " + Math.ceil(seconds / 60) + " minutes, then try again.";
  }

  function storeLinks(form) {
    return {
      name: text(form.getAttribute("data-hc-store-name")) || "the store",
      orders: safeUrl(form.getAttribute("data-hc-orders-url")),
      contact: safeUrl(form.getAttribute("data-hc-contact-url"))
    };
  }

  /* The widget's own line under the output already links the shopper's orders; a failure adds only the
     other way out, customer service, so nothing is said twice. */
  function helpLine(store) {
    var line = el("p", "hc-result__help");
    if (store.contact) append(line, "Still stuck? ", link(store.contact, "contact customer service"), ".");
    return line;
  }

  function renderFailure(outcome, store) {
    var words = outcome.kind === "rate-limited"
      ? ["Too many lookups in a short time", waitText(outcome.wait)]
      : FAILURES[outcome.kind] || FAILURES.unexpected;
    var box = el("div", "hc-result hc-result--error");
    box.setAttribute("data-hc-outcome", outcome.kind);
    return append(box, el("p", "hc-result__title", words[0]), el("p", null, words[1]), helpLine(store));
  }

  function renderStatus(order) {
    var words = Object.prototype.hasOwnProperty.call(STATUSES, order.status) ? STATUSES[order.status] : null;
    var line = el("p", "hc-order__status");
    var badge = el("span", "hc-order__badge", words ? words[0] : text(order.status) || "Unknown");
    if (words) badge.className += " hc-order__badge--" + order.status.replace(/_/g, "-");
    append(line, "Status: ", badge, " ", words ? words[1] : "See the order page for details.");
    return line;
  }

  function renderItems(order) {
    var items = list(order.items).filter(isObject);
    if (!items.length) return null;
    var ul = el("ul", "hc-order__items");
    items.forEach(function (item) {
      var quantity = typeof item.quantity === "number" && item.quantity >= 1 ? Math.floor(item.quantity) : 1;
      ul.appendChild(el("li", null, quantity + " \u00d7 " + (text(item.title) || "Item")));
    });
    return append(el("div"), el("h4", null, "Items"), ul);
  }

  function renderShipment(shipment) {
    var li = el("li", "hc-order__shipment");
    var carrier = text(shipment.carrier);
    var number = text(shipment.tracking_number);
    var status = text(shipment.status);
    var eta = formatDate(shipment.estimated_delivery, true);
    var tracking = safeUrl(shipment.tracking_url);
    append(li, el("span", "hc-order__carrier", carrier || "Carrier not given"));
    if (number) append(li, el("span", "hc-order__tracking", "Tracking number: " + number));
    if (status) append(li, el("span", null, "Status: " + status));
    if (eta) append(li, el("span", null, "Estimated delivery: " + eta));
    if (tracking) {
      var anchor = link(tracking, "Track this parcel" + (carrier ? " on the " + carrier + " website" : ""));
      anchor.rel = "noopener noreferrer";
      append(li, anchor);
    }
    return li;
  }

  function renderShipments(order) {
    var shipments = list(order.shipments).filter(isObject);
    if (!shipments.length) return null;
    var ul = el("ul", "hc-order__shipments");
    shipments.forEach(function (shipment) { ul.appendChild(renderShipment(shipment)); });
    return append(el("div"), el("h4", null, shipments.length > 1 ? "Shipments" : "Shipment"), ul);
  }

  function renderNextSteps(order, store) {
    var ul = el("ul", "hc-order__next");
    if (order.can_cancel === true) {
      var cancel = el("li", null, "Need to change or cancel it? It has not shipped yet, so ");
      if (store.contact) append(cancel, link(store.contact, "contact customer service"), " as soon as possible.");
      else append(cancel, "contact customer service as soon as possible.");
      ul.appendChild(cancel);
    }
    var returnUrl = safeUrl(order.return_url);
    if (returnUrl) ul.appendChild(append(el("li"), link(returnUrl, "Start a return"), " for this order."));
    var page = safeUrl(order.status_url) || store.orders;
    if (page) ul.appendChild(append(el("li"), link(page, "See this order on " + store.name)));
    return ul.childNodes.length ? append(el("div"), el("h4", null, "Next steps"), ul) : null;
  }

  function renderOrder(order, store) {
    var box = el("div", "hc-result hc-order");
    box.setAttribute("data-hc-outcome", "found");
    var placed = formatDate(order.placed_at, false);
    return append(
      box,
      el("h3", "hc-order__title", "Order " + text(order.order_number)),
      renderStatus(order),
      placed ? el("p", "hc-order__placed", "Placed on " + placed) : null,
      renderItems(order),
      renderShipments(order),
      renderNextSteps(order, store)
    );
  }

  function show(output, node) {
    output.textContent = "";
    output.appendChild(node);
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
      show(output, renderFailure({ kind: "rate-limited", wait: wait }, storeLinks(form)));
      return;
    }
    var values = {
      order_number: String(form.elements.namedItem("order_number").value || "").trim(),
      email: String(form.elements.namedItem("email").value || "").trim()
    };
    var problems = fieldProblems(values);
    showFieldProblems(form, problems);
    if (problems.length) {
      var note = el("p", "hc-result hc-result--error", "Please correct the highlighted field" +
        (problems.length > 1 ? "s." : "."));
      note.setAttribute("data-hc-outcome", "check-fields");
      show(output, note);
      form.elements.namedItem(problems[0][0]).focus();
      return;
    }
    var button = form.querySelector('[type="submit"]');
    state.busy = true;
    if (button) button.setAttribute("aria-disabled", "true");
    output.setAttribute("aria-busy", "true");
    var busy = el("p", "hc-result hc-result--busy", "Looking up your order\u2026");
    busy.setAttribute("data-hc-outcome", "busy");
    show(output, busy);
    lookUp(api, values, TIMEOUT_MS).then(function (outcome) {
      state.busy = false;
      if (button) button.removeAttribute("aria-disabled");
      output.removeAttribute("aria-busy");
      if (outcome.kind === "rate-limited" && outcome.wait) holdOff(button, state, outcome.wait);
      var store = storeLinks(form);
      show(output, outcome.kind === "found" ? renderOrder(outcome.order, store) : renderFailure(outcome, store));
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
