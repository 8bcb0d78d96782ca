/*
 * The embedded help widget's panel: assets/embed/panel.js, loaded by assets/embed.js (the loader) on the
 * first open. generator/rendering/embed.py writes it around three of the theme's own scripts, unchanged:
 * hc-search-engine.js (search ranks exactly as on the help center), hc-widgets.js (the order lookup and
 * every one of its messages) and hc-events.js (the event contract). Each runs in a function whose
 * `document`, `window`, `module` or `globalThis` stand for the panel (the shadow root, the locale's
 * strings), so none of them adds a global to the host page or looks outside the panel.
 *
 * The locale's data (embed/<code>.json: strings, store, suggestions) and the search index come from the
 * help center's origin (CORS). When they cannot be fetched the loader's own message and link take over.
 */
(function (document, window) {
  "use strict";
  var ctx = document.currentScript && document.currentScript.hcEmbed;
  if (!ctx) return;
  var LIMIT = 8;
  var EMBED_PATH = "/embed/";
  var stemmers = {};
  var engine = __ENGINE__;  // hc-search-engine.js's api, written in by the build

  var data, strings = {}, root, body, index = null, sequence = 0, shown = 0, events = null;

  function t(key, values) {
    var text = Object.prototype.hasOwnProperty.call(strings, key) ? String(strings[key]) : key;
    return text.replace(/\{(\w+)\}/g, function (whole, name) {
      return values && Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole;
    });
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  function fetchJson(url) {
    return fetch(url, { credentials: "omit", mode: "cors" }).then(function (response) {
      if (!response.ok) throw new Error(response.status + " " + url);
      return response.json();
    });
  }

  function siteUrl(path) { return new URL(path, ctx.site).href; }

  /** A link to an article on the help center, in a new tab (the panel says so once). */
  function articleLink(item, className) {
    var link = el("a", className);
    link.href = siteUrl(item.url);
    link.target = "_blank";
    link.rel = "noopener";
    if (item.id) link.setAttribute("data-hc-search-id", item.id);
    return link;
  }

  /* ---- the search index (the locale's shards, as on the help center) ------------------------------ */

  function loadStemmer(name) {
    var key = name.charAt(0).toUpperCase() + name.slice(1) + "Stemmer";
    if (!name || stemmers[key]) return Promise.resolve();
    return new Promise(function (resolve, reject) {
      var script = document.createElement("script");
      script.src = new URL("stemmer-" + name + ".js?v=" + ctx.version, new URL("embed/", ctx.script)).href;
      script.hcEmbedStemmers = stemmers;
      script.onload = function () { return stemmers[key] ? resolve() : reject(new Error("no " + key)); };
      script.onerror = reject;
      (document.head || document.documentElement).appendChild(script);
    });
  }

  function loadIndex() {
    if (!index) {
      var folder = new URL(data.index, ctx.site);
      index = fetchJson(new URL("index.json", folder)).then(function (manifest) {
        return loadStemmer(manifest.stemmer || "").then(function () {
          return new engine.SearchIndex(manifest, function (name) {
            return fetchJson(new URL(name + "?v=" + manifest.key, folder));
          });
        });
      });
      index.catch(function () { index = null; });
    }
    return index;
  }

  /* ---- suggestions: data-topic, then the page rules of mkdocs.yml, then the most asked ----------- */

  function matches(rule, path) {
    var pattern = rule.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*");
    return new RegExp("^" + pattern + "$").test(path);
  }

  function suggestions() {
    var topic = ctx.topic && data.topics[ctx.topic] ? ctx.topic : null;
    var path = window.location.pathname;  // read here only: never sent anywhere
    for (var i = 0; !topic && i < data.pages.length; i++) {
      if (matches(data.pages[i].path, path)) topic = data.pages[i].topic;
    }
    var items = topic && data.topics[topic];
    return items && items.length ? { heading: t("embed_suggested"), items: items }
      : { heading: t("most_asked"), items: data.featured };
  }

  /** A title, marked with its own language and direction when it is not the panel's (not translated yet). */
  function foreign(text, lang) {
    if (!lang) return document.createTextNode(text);
    var span = el("span", "", text);
    span.lang = lang;
    span.dir = "auto";
    return span;
  }

  function itemList(items) {
    var list = el("ul", "hc-list");
    items.forEach(function (item) {
      var link = articleLink(item, "hc-item");
      link.appendChild(foreign(item.title, item.lang));
      if (item.lang) {
        link.hreflang = item.lang;
        link.appendChild(el("span", "hc-mark", " " + (item.mark || "")));
      }
      var li = el("li");
      li.appendChild(link);
      list.appendChild(li);
    });
    return list;
  }

  /* ---- the search box: markup hooks as the help center's (hc-events.js observes them) ------------ */

  function searchBox() {
    var box = el("div", "hc-search");
    box.setAttribute("data-hc-search", "embed");
    var form = el("form", "hc-search__form");
    form.setAttribute("role", "search");
    var label = el("label", "hc-label", t("search_label"));
    label.htmlFor = "hc-embed-q";
    var input = el("input", "hc-input");
    input.type = "search";
    input.id = "hc-embed-q";
    input.placeholder = t("search_placeholder");
    input.autocomplete = "off";
    input.spellcheck = false;
    input.setAttribute("enterkeyhint", "search");
    input.setAttribute("aria-describedby", "hc-embed-status");
    input.setAttribute("aria-controls", "hc-embed-results");
    input.setAttribute("data-hc-search-input", "");
    var submit = el("button", "hc-button", t("search"));
    submit.type = "submit";
    var row = el("div", "hc-search__row");
    row.append(input, submit);
    form.append(label, row);
    var status = el("p", "hc-status");
    status.id = "hc-embed-status";
    status.setAttribute("role", "status");
    var fallback = el("div", "hc-fallback");
    fallback.hidden = true;
    var results = el("ol", "hc-results");
    results.id = "hc-embed-results";
    results.setAttribute("data-hc-search-results", "");
    var suggested = el("div", "hc-suggested");
    var pick = suggestions();
    if (pick.items.length) suggested.append(el("h3", "hc-heading", pick.heading), itemList(pick.items));
    box.append(form, status, fallback, results, suggested);
    var parts = { box: box, input: input, status: status, fallback: fallback, results: results, suggested: suggested };
    input.addEventListener("input", function () { run(parts); });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      run(parts).then(function () {
        var first = results.querySelector("a");
        if (first && box.getAttribute("data-hc-search-confidence") === "answer") first.click();
      });
    });
    input.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && input.value) {
        event.preventDefault();
        event.stopPropagation();  // the first Escape clears the box, the next one closes the dialog
        input.value = "";
        run(parts);
      }
    });
    return parts;
  }

  /** The newest answer wins, as in the help center's box: results appear while the shopper types on. */
  function run(p) {
    var query = p.input.value, mine = ++sequence;
    if (!query.trim()) { shown = mine; render(p, null); return Promise.resolve(); }
    return loadIndex().then(function (found) { return found.search(query, LIMIT); }).then(function (response) {
      if (mine > shown) { shown = mine; render(p, response); }
    }, function () {
      if (mine === sequence) unavailable(p);
    });
  }

  function unavailable(p) {
    p.status.textContent = t("search_unavailable");
    p.results.textContent = "";
    var link = el("a", "hc-out", t("embed_open_help_center"));
    link.href = siteUrl(data.home);
    link.target = "_blank";
    link.rel = "noopener";
    p.fallback.textContent = "";
    p.fallback.appendChild(link);
    p.fallback.hidden = false;
  }

  function statusText(response) {
    var n = response.results.length;
    var missing = response.missing.length ? t("no_article_mentions", { words: response.missing.join(" ") }) : "";
    if (response.confidence === "answer") {
      return (n === 1 ? t("one_result") : t("results", { count: n })) + (missing ? " " + missing : "");
    }
    return missing || t("no_results", { query: response.query.trim() });
  }

  function render(p, response) {
    p.results.textContent = "";
    p.fallback.textContent = "";
    p.fallback.hidden = true;
    p.suggested.hidden = Boolean(response);
    if (!response) {
      p.status.textContent = "";
      p.box.removeAttribute("data-hc-search-confidence");
      return;
    }
    response.results.forEach(function (result) {
      var link = articleLink(result, "hc-result");
      var title = el("span", "hc-result__title");
      title.appendChild(foreign(result.title, result.lang));
      link.append(title, el("span", "hc-result__context", result.context));
      if (result.lang) {
        link.hreflang = result.lang;
        title.appendChild(el("span", "hc-mark", " " + t("in_language_" + result.lang)));
      }
      var li = el("li");
      li.appendChild(link);
      p.results.appendChild(li);
    });
    p.status.textContent = statusText(response);
    if (response.confidence !== "answer") noAnswer(p.fallback, response.results.length > 0);
    p.box.setAttribute("data-hc-search-confidence", response.confidence);
    p.box.setAttribute("data-hc-search-done", response.query);
  }

  /** No answer: the contact link and the most asked questions, then a heading over weak matches. */
  function noAnswer(box, related) {
    var text = el("p");
    var contact = el("a", "", t("contact_us_lower"));
    contact.href = data.store.contact;
    contact.target = "_blank";
    contact.rel = "noopener";
    contact.setAttribute("data-hc-link", "contact");
    text.append(t("try_other_words"), contact, t("happy_to_help"));
    box.appendChild(text);
    if (data.featured.length) box.append(el("h3", "hc-heading", t("popular_questions")), itemList(data.featured));
    if (related) box.appendChild(el("h3", "hc-heading", t("related_topics")));
    box.hidden = false;
  }

  /* ---- order lookup: the help center's own form, driven by hc-widgets.js -------------------------- */

  function field(id, name, type, label, hint) {
    var wrap = el("div", "hc-field");
    var caption = el("label", "hc-label", label);
    caption.htmlFor = id;
    var input = el("input", "hc-input");
    input.id = id;
    input.name = name;
    input.type = type;
    input.required = true;
    input.spellcheck = false;
    input.autocomplete = name === "email" ? "email" : "off";
    input.maxLength = name === "email" ? 254 : 40;
    var error = el("p", "hc-field__error");
    error.id = id + "-error";
    error.hidden = true;
    error.setAttribute("data-hc-error-for", name);
    var described = [error.id];
    wrap.append(caption, input);
    if (hint) {
      var note = el("p", "hc-hint", hint);
      note.id = id + "-hint";
      described.unshift(note.id);
      wrap.appendChild(note);
    }
    input.setAttribute("aria-describedby", described.join(" "));
    wrap.appendChild(error);
    return wrap;
  }

  function orderLookup() {
    var section = el("section", "hc-order");
    var toggle = el("button", "hc-disclosure", t("order_title"));
    toggle.type = "button";
    toggle.setAttribute("aria-expanded", "false");
    toggle.setAttribute("aria-controls", "hc-embed-order");
    var form = el("form", "hc-order__form");
    form.id = "hc-embed-order";
    form.hidden = true;
    form.noValidate = true;
    form.setAttribute("aria-label", t("order_title"));
    form.setAttribute("data-hc-widget", "order-lookup");
    form.setAttribute("data-hc-api-url", data.store.api_url);
    form.setAttribute("data-hc-store-name", data.store.name);
    form.setAttribute("data-hc-orders-url", data.store.orders);
    form.setAttribute("data-hc-contact-url", data.store.contact);
    var fields = el("div", "hc-order__fields");
    fields.setAttribute("data-hc-js-only", "");
    var submit = el("button", "hc-button", t("order_submit"));
    submit.type = "submit";
    fields.append(el("p", "hc-hint", t("order_intro")),
      field("hc-embed-order-number", "order_number", "text", t("order_number"), t("order_number_hint")),
      field("hc-embed-order-email", "email", "email", t("order_email")), submit);
    var output = el("div", "hc-order__output");
    output.setAttribute("data-hc-widget-output", "");
    output.setAttribute("aria-live", "polite");
    form.append(fields, output);
    toggle.addEventListener("click", function () {
      form.hidden = !form.hidden;
      toggle.setAttribute("aria-expanded", String(!form.hidden));
      if (!form.hidden) form.querySelector("input").focus();
    });
    section.append(toggle, form);
    return section;
  }

  /** hc-widgets.js as it is, its `document` the panel: the strings block is the locale's, the widgets
   *  those of the shadow root, the language (dates) the panel's. */
  function startWidgets() {
    var page = {
      getElementById: function (id) { return id === "hc-strings" ? { textContent: JSON.stringify(strings) } : null; },
      querySelectorAll: function (selector) { return root.querySelectorAll(selector); },
      createElement: function (tag) { return document.createElement(tag); },
      createTextNode: function (text) { return document.createTextNode(text); },
      documentElement: { lang: data.lang },
      readyState: "complete",
      addEventListener: function () {}
    };
    __WIDGETS__(page, window);
  }

  /** hc-events.js as it is: it listens inside the panel, and each event's path is the embed's own. */
  function startEvents() {
    if (!data.events) return;
    var attributes = { "data-hc-events-url": data.events, "data-hc-contact-url": data.store.contact };
    var page = {
      currentScript: { getAttribute: function (name) { return attributes[name] || null; } },
      addEventListener: function (type, listener, capture) {
        (type === "visibilitychange" ? document : root).addEventListener(type, listener, capture);
      },
      get visibilityState() { return document.visibilityState; },
      body: root,
      documentElement: { getAttribute: function () { return data.lang; } },
      querySelectorAll: function (selector) { return root.querySelectorAll(selector); }
    };
    var scope = {
      MutationObserver: window.MutationObserver,
      addEventListener: function (type, listener) { window.addEventListener(type, listener); }
    };
    __EVENTS__(page, scope, { pathname: EMBED_PATH });
    events = scope.hcEvents || null;
  }

  /* ---- the panel ---------------------------------------------------------------------------------- */

  function build() {
    body.textContent = "";
    body.setAttribute("data-hc-embed-state", "ready");
    var search = searchBox();
    var more = el("p", "hc-more");
    var home = el("a", "hc-out", t("embed_open_help_center"));
    home.href = siteUrl(data.home);
    home.target = "_blank";
    home.rel = "noopener";
    var contact = el("a", "hc-out", t("contact_us"));
    contact.href = data.store.contact;
    contact.target = "_blank";
    contact.rel = "noopener";
    contact.setAttribute("data-hc-link", "contact");
    more.append(home, " · ", contact);
    body.append(search.box, orderLookup(), el("p", "hc-hint", t("embed_new_tab")), more);
    startWidgets();
    startEvents();
    search.input.focus();
    loadIndex();  // the manifest now, so the first keystroke finds search ready
  }

  ctx.show = function (frame) {
    body = frame;
    root = frame.getRootNode();
    ctx.adopt(__PANEL_CSS__);
    fetchJson(new URL("embed/" + ctx.code + ".json?v=" + ctx.version, ctx.script)).then(function (found) {
      data = found;
      strings = found.strings;
      build();
    }).catch(function () { ctx.fail(); });
  };
})(document, window);
