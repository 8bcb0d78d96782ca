/*
 * Help-center search, part 2 of 2: the search boxes. hc-search-engine.js (loaded just before,
 * as window.hcSearch) ranks; this file only talks to the page.
 *
 * Markup hooks (theme/partials/search.html, theme/partials/hc/search-box.html): a search
 * widget is [data-hc-search]; inside it the input[type=search][data-hc-search-input], the
 * status line [data-hc-search-status], the fallback [data-hc-search-fallback] (shown when
 * the engine has no answer: contact link, most asked questions) and the results list
 * [data-hc-search-results]. Every link is an ordinary page load (the theme does not load
 * Material's bundle, so there is no instant navigation): the script starts once per page.
 *
 * Config (#hc-search-config, JSON): base, index, contact, featured; and, on a locale's pages
 * (generator/search/languages.py), the optional `fallbackIndex` (the default language's index
 * folder, relative to base, e.g. "../assets/search/"), `fallbackBase` (that language's site root
 * for its result links; default: two folders above fallbackIndex) and `fallbackLabel` (the
 * button, default "Search in English"). When the locale's index finds nothing, the fallback
 * offers the same query in the default language; its results are marked with `lang`.
 *
 * Hooks for other scripts, dispatched on the widget and bubbling:
 *   "hc-search:settled"  detail {query, confidence, ids, missing}  the results of a query are shown
 *   "hc-search:open"     detail {query, confidence, id, url, rank} a result or suggestion is opened
 */
(function () {
  "use strict";

  var LIMIT = 8;
  var engine = window.hcSearch;
  var config = readConfig();
  var root = new URL((config.base || ".").replace(/\/?$/, "/"), location.href);
  var indexUrl = new URL(config.index || "assets/search/", root);
  var indexPromise = null;
  var fallbackUrl = config.fallbackIndex ? new URL(config.fallbackIndex, root) : null;
  var fallbackRoot = fallbackUrl ? new URL(config.fallbackBase || "../../", config.fallbackBase ? root : fallbackUrl) : null;
  var fallbackPromise = null;
  var sequence = 0;

  function readConfig() {
    var node = document.getElementById("hc-search-config");
    try { return node ? JSON.parse(node.textContent) : {}; } catch (e) { return {}; }
  }

  /* ---- the index ---------------------------------------------------------------------------- */

  function fetchJson(url) {
    return fetch(url, { credentials: "same-origin" }).then(function (response) {
      if (!response.ok) throw new Error(response.status + " " + url);
      return response.json();
    });
  }

  function openIndex(url) {
    return fetchJson(new URL("index.json", url)).then(function (manifest) {
      return new engine.SearchIndex(manifest, function (name) {
        return fetchJson(new URL(name + "?v=" + manifest.key, url));
      });
    });
  }

  function loadIndex() {
    if (!indexPromise) {
      indexPromise = openIndex(indexUrl).then(function (index) {
        document.documentElement.setAttribute("data-hc-search-ready", "");
        return index;
      });
      indexPromise.catch(function () { indexPromise = null; });
    }
    return indexPromise;
  }

  /** The same query in the default language's index (config.fallbackIndex), shown in place. */
  function runFallback(widget, query) {
    if (!fallbackPromise) {
      fallbackPromise = openIndex(fallbackUrl);
      fallbackPromise.catch(function () { fallbackPromise = null; });
    }
    var mine = ++sequence;
    widget.hcSequence = mine;
    return fallbackPromise.then(function (index) { return index.search(query, LIMIT); }).then(function (response) {
      if (mine <= (widget.hcShown || 0)) return;
      widget.hcShown = mine;
      response.fallback = true;
      render(widget, response);
    }, function () {
      if (widget.hcSequence === mine) showStatus(parts(widget), "Search is not available right now. Please try again.");
    });
  }
  engine.ready = loadIndex;

  /* ---- a widget and its query --------------------------------------------------------------- */

  function widgetOf(node) {
    return node && node.closest ? node.closest("[data-hc-search]") : null;
  }

  function parts(widget) {
    return {
      input: widget.querySelector("[data-hc-search-input]"),
      results: widget.querySelector("[data-hc-search-results]"),
      status: widget.querySelector("[data-hc-search-status]"),
      fallback: widget.querySelector("[data-hc-search-fallback]")
    };
  }

  function announce(widget, name, detail) {
    widget.dispatchEvent(new CustomEvent(name, { bubbles: true, detail: detail }));
  }

  /** Search the widget's query. An answer is shown unless a later keystroke's is already shown:
   *  while the shopper types on, the results of what they typed so far appear rather than wait
   *  for a pause (each keystroke's shards take a moment to fetch). */
  function run(widget) {
    var p = parts(widget);
    var query = p.input.value;
    var mine = ++sequence;
    widget.hcSequence = mine;
    if (!query.trim()) { widget.hcShown = mine; render(widget, null); return Promise.resolve(); }
    return loadIndex().then(function (index) {
      return index.search(query, LIMIT);
    }).then(function (response) {
      if (mine > (widget.hcShown || 0)) { widget.hcShown = mine; render(widget, response); }
    }, function () {
      if (widget.hcSequence === mine) showStatus(p, say("search_unavailable", "Search is not available right now. Please try again."));
    });
  }

  /** The box's words in the page's language: the page's strings block (#hc-strings, from the locale's
      catalogue; hc-widgets.js reads the same), the English text where a page carries none. */
  var strings = (function () {
    try {
      return JSON.parse((document.getElementById("hc-strings") || {}).textContent || "{}") || {};
    } catch (error) {
      return {};
    }
  })();

  function say(key, english, values) {
    var text = Object.prototype.hasOwnProperty.call(strings, key) ? String(strings[key]) : english;
    return text.replace(/\{(\w+)\}/g, function (whole, name) {
      return values && Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole;
    });
  }

  function showStatus(p, text) {
    if (p.status) p.status.textContent = text;
  }


  /** Answers as a list; no answer: what no article mentions, what to do instead, then related topics. */
  function render(widget, response) {
    var p = parts(widget);
    p.results.textContent = "";
    if (p.fallback) { p.fallback.hidden = true; p.fallback.textContent = ""; }
    widget.toggleAttribute("data-hc-search-active", Boolean(response));
    if (!response) {
      widget.removeAttribute("data-hc-search-confidence");
      showStatus(p, widget.getAttribute("data-hc-search-hint") || "");
      return;
    }
    var marked = new Set(response.terms.keys());
    response.results.forEach(function (result) { p.results.appendChild(resultItem(result, marked, response)); });
    showStatus(p, statusText(response));
    if (response.confidence !== "answer" && p.fallback) showFallback(p.fallback, response.results.length > 0);
    if (response.confidence === "none" && fallbackUrl && !response.fallback && p.fallback) {
      p.fallback.appendChild(fallbackButton(widget, response.query));
    }
    widget.setAttribute("data-hc-search-confidence", response.confidence);
    widget.setAttribute("data-hc-search-done", response.query);
    widget.hcResponse = response;
    announce(widget, "hc-search:settled", {
      query: response.query, confidence: response.confidence, missing: response.missing,
      ids: response.results.map(function (r) { return r.id; })
    });
  }

  function statusText(response) {
    var n = response.results.length;
    var missing = response.missing.length ?
      say("no_article_mentions", "No article mentions \u201c{words}\u201d.", { words: response.missing.join(" ") }) : "";
    if (response.confidence === "answer") {
      var count = n === 1 ? say("one_result", "1 result.") : say("results", "{count} results.", { count: n });
      return count + (missing ? " " + missing : "");
    }
    return missing || say("no_results", "No results for \u201c{query}\u201d.", { query: response.query.trim() });
  }

  /** "Search in English": the same query in the default language's index (config.fallbackIndex). */
  function fallbackButton(widget, query) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "md-button hc-search-fallback__language";
    button.setAttribute("data-hc-search-fallback-language", "");
    button.textContent = config.fallbackLabel || "Search in English";
    button.addEventListener("click", function () { runFallback(widget, query); });
    return button;
  }

  function resultItem(result, marked, response) {
    var item = document.createElement("li");
    item.className = "md-search-result__item hc-search-result";
    var link = document.createElement("a");
    link.className = "md-search-result__link hc-search-result__link";
    link.href = new URL(result.url, response.fallback ? fallbackRoot : root).href;
    if (response.fallback) link.lang = response.language.code;
    link.setAttribute("data-hc-search-id", result.id);
    var article = document.createElement("article");
    article.className = "md-search-result__article md-typeset";
    var title = document.createElement("h2");
    title.className = "hc-search-result__title";
    title.appendChild(highlight(result.title, marked, response.language));
    var context = document.createElement("p");
    context.className = "hc-search-result__context";
    context.textContent = result.context;
    var excerpt = document.createElement("p");
    excerpt.className = "hc-search-result__excerpt";
    excerpt.appendChild(highlight(result.excerpt, marked, response.language));
    article.append(title, context, excerpt);
    if (result.lang) {
      // Not translated yet: the default language's article, marked so ("in English"), never passed off as translated.
      link.hreflang = result.lang;
      title.lang = excerpt.lang = result.lang;
      var mark = document.createElement("span");
      mark.className = "hc-lang-mark";
      mark.lang = document.documentElement.lang;
      mark.textContent = " " + say("in_language_" + result.lang, result.lang);
      title.appendChild(mark);
    }
    link.appendChild(article);
    item.appendChild(link);
    return item;
  }

  /** The text with every word whose index term the query used wrapped in <mark>. */
  function highlight(text, marked, language) {
    var fragment = document.createDocumentFragment();
    var english = !language || language.english;
    if (language && language.cjk) return document.createTextNode(text);  // bigrams: no whole words to mark
    text.split(english ? /([A-Za-z0-9\u00c0-\u024f'\u2019]+)/ : /([\p{L}\p{N}]+)/u).forEach(function (piece, i) {
      var hit = i % 2 === 1 && (english
        ? engine.words(piece).some(function (w) { return marked.has(engine.indexTerm(w)); })
        : language.words(piece).some(function (w) { return marked.has(language.term(w)); }));
      if (hit) {
        var mark = document.createElement("mark");
        mark.textContent = piece;
        fragment.appendChild(mark);
      } else if (piece) {
        fragment.appendChild(document.createTextNode(piece));
      }
    });
    return fragment;
  }

  function paragraph(className, text) {
    var node = document.createElement("p");
    node.className = className;
    node.textContent = text;
    return node;
  }

  /** No answer: the contact link and the most asked questions, then (if any) a heading over the
   *  weak matches that follow in the results list. */
  function showFallback(box, related) {
    var text = document.createElement("p");
    text.append(say("try_other_words", "Try other words, or "));
    var contact = document.createElement("a");
    contact.href = config.contact || new URL(".", root).href;
    contact.textContent = say("contact_us_lower", "contact us");
    contact.className = "hc-search-fallback__contact";
    text.append(contact, say("happy_to_help", " \u2014 we are happy to help."));
    box.appendChild(text);
    if (config.featured && config.featured.length) {
      var list = document.createElement("ul");
      config.featured.forEach(function (item) {
        var li = document.createElement("li"), a = document.createElement("a");
        a.href = new URL(item.url, root).href;
        a.textContent = item.title;
        li.appendChild(a);
        if (item.lang) {  // not translated yet: the default language's question, marked as on the home page
          a.hreflang = a.lang = item.lang;
          a.dir = item.dir || "ltr";
          var mark = document.createElement("span");
          mark.className = "hc-lang-mark";
          mark.textContent = item.mark;
          li.append(" ", mark);
        }
        list.appendChild(li);
      });
      box.append(paragraph("hc-search-fallback__heading", say("popular_questions", "Most asked questions")), list);
    }
    if (related) {
      box.appendChild(paragraph("hc-search-fallback__heading hc-search-fallback__related",
        say("related_topics", "Related topics")));
    }
    box.hidden = false;
  }

  /* ---- keyboard, forms and the header's overlay --------------------------------------------- */

  function toggle(open) {
    var box = document.getElementById("__search");
    if (box && box.checked !== open) box.checked = open;
  }

  function isHeader(widget) {
    return widget.getAttribute("data-hc-search") === "header";
  }

  /** Every link the arrow keys move through: the fallback's, then the results'. */
  function links(widget) {
    return Array.from(widget.querySelectorAll("[data-hc-search-fallback] a, [data-hc-search-results] a"));
  }

  function onKeydown(event) {
    var widget = widgetOf(event.target);
    if (!widget) return onGlobalKey(event);
    var p = parts(widget), list = links(widget);
    var at = list.indexOf(document.activeElement);
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (!list.length) return;
      event.preventDefault();
      var next = event.key === "ArrowDown" ? at + 1 : at - 1;
      if (next < 0) p.input.focus(); else list[Math.min(next, list.length - 1)].focus();
    } else if (event.key === "Escape") {
      event.preventDefault();
      if (at >= 0) {
        p.input.focus();
      } else if (p.input.value) {
        p.input.value = "";
        render(widget, null);
      } else if (isHeader(widget)) {
        toggle(false);
        p.input.blur();
      }
    }
  }

  /** "/" (or "s") anywhere outside a field opens the header's search, as in Material. */
  function onGlobalKey(event) {
    if (event.key !== "/" && event.key !== "s") return;
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    var target = event.target;
    if (target && (target.isContentEditable || /^(input|textarea|select)$/i.test(target.tagName))) return;
    var input = document.querySelector("[data-hc-search=header] [data-hc-search-input]");
    if (!input) return;
    event.preventDefault();
    toggle(true);
    input.focus();
  }

  /** Enter opens the first result, but only an answer: related topics wait for a choice. */
  function onSubmit(event) {
    var widget = widgetOf(event.target);
    if (!widget) return;
    event.preventDefault();
    run(widget).then(function () {
      var first = widget.querySelector("[data-hc-search-results] a");
      if (first && widget.getAttribute("data-hc-search-confidence") === "answer") first.click();
    });
  }

  function onClick(event) {
    var widget = widgetOf(event.target);
    var link = event.target.closest && event.target.closest("a");
    if (!widget || !link || !widget.hcResponse) return;
    var results = Array.from(widget.querySelectorAll("[data-hc-search-results] a"));
    var response = widget.hcResponse;
    announce(widget, "hc-search:open", {
      query: response.query, confidence: response.confidence, url: link.href,
      id: link.getAttribute("data-hc-search-id"), rank: results.indexOf(link) + 1 || null
    });
  }

  function onFocusIn(event) {
    var widget = widgetOf(event.target);
    if (!widget || !event.target.matches("[data-hc-search-input]")) return;
    loadIndex();
    if (isHeader(widget)) toggle(true);
  }

  /** Tabbing out of the header's search closes it: on a phone its panel would otherwise keep
   *  covering (and holding still) the page the focus has moved on to. */
  function onFocusOut(event) {
    var widget = widgetOf(event.target);
    var next = event.relatedTarget;
    if (widget && isHeader(widget) && next instanceof Element && !widget.contains(next)) toggle(false);
  }

  /** Start: close the overlay, honour ?q= (a link to the site's search, or the form without JS). */
  function start() {
    toggle(false);
    var query = new URLSearchParams(location.search).get("q");
    document.querySelectorAll("[data-hc-search]").forEach(function (widget) {
      if (!isHeader(widget) && !parts(widget).input.value) render(widget, null);
    });
    if (query) {
      var widget = document.querySelector("[data-hc-search=page]") || document.querySelector("[data-hc-search]");
      if (widget) {
        parts(widget).input.value = query;
        if (isHeader(widget)) toggle(true);
        run(widget);
      }
    }
  }

  document.addEventListener("input", function (event) {
    var widget = widgetOf(event.target);
    if (widget && event.target.matches("[data-hc-search-input]")) run(widget);
  });
  document.addEventListener("keydown", onKeydown);
  document.addEventListener("submit", onSubmit);
  document.addEventListener("click", onClick);
  document.addEventListener("focusin", onFocusIn);
  document.addEventListener("focusout", onFocusOut);
  document.addEventListener("reset", function (event) {
    var widget = widgetOf(event.target);
    if (widget) setTimeout(function () { render(widget, null); parts(widget).input.focus(); });
  });
  document.addEventListener("change", function (event) {
    // The header's search button (a label for the __search toggle) on small screens.
    if (event.target.id === "__search" && event.target.checked) {
      var input = document.querySelector("[data-hc-search=header] [data-hc-search-input]");
      if (input) setTimeout(function () { input.focus(); }, 0);
    }
  });
  // Back from an article opened from the header's search: the browser restores this page as it
  // was left (back/forward cache), overlay open; close it as a fresh load would be.
  window.addEventListener("pageshow", function (event) {
    if (event.persisted) toggle(false);
  });
  start();
  // Fetch the small manifest now, so that the first keystroke finds search ready; the postings
  // and documents wait for a query. This script runs at the end of the body, after the page's
  // own content has been requested.
  loadIndex();
})();
