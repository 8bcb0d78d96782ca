/*
 * Help-center search: the query engine and the search boxes.
 *
 * The engine is generator/search/engine.py (and text.py, stemmer.py) written again, step for
 * step, so that the browser and `helpcenter search` rank alike; tests/search_vectors.json
 * holds queries whose ranked results both must reproduce exactly. The index files are
 * described in generator/search/builder.py: a manifest fetched once, with the page (it is
 * preloaded by partials/search.html), then only the shards of postings and the chunks of
 * documents a query needs.
 *
 * Markup hooks (theme/partials/search.html, theme/partials/hc/search-box.html): a search
 * widget is [data-hc-search]; inside it the input[type=search][data-hc-search-input], the
 * results list [data-hc-search-results] and the status line [data-hc-search-status].
 * Events are delegated from the document, so the boxes keep working across Material's
 * instant navigation, which replaces the page content but not the header.
 */
(function () {
  "use strict";

  /* ---- Text: generator/search/text.py ------------------------------------------------------ */

  var MARKS = /[\u0300-\u036f]/g;

  function normalize(text) {
    return text.normalize("NFKD").replace(MARKS, "").toLowerCase();
  }

  function words(text) {
    text = normalize(text).replace(/['\u2019]s(?![a-z0-9])/g, "").replace(/['\u2019]/g, "");
    return text.split(/[^a-z0-9]+/).filter(Boolean);
  }

  var termCache = new Map();  // typo variants stem hundreds of words a keystroke: stem each once

  function indexTerm(word) {
    var found = termCache.get(word);
    if (found === undefined) {
      if (termCache.size > 50000) termCache.clear();
      found = /[0-9]/.test(word) ? word : stem(word);
      termCache.set(word, found);
    }
    return found;
  }

  /* ---- Porter stemmer: generator/search/stemmer.py (lunr.js's) ---------------------------- */

  var STEP2 = {
    ational: "ate", tional: "tion", enci: "ence", anci: "ance", izer: "ize", bli: "ble", alli: "al",
    entli: "ent", eli: "e", ousli: "ous", ization: "ize", ation: "ate", ator: "ate", alism: "al",
    iveness: "ive", fulness: "ful", ousness: "ous", aliti: "al", iviti: "ive", biliti: "ble", logi: "log"
  };
  var STEP3 = { icate: "ic", ative: "", alize: "al", iciti: "ic", ical: "ic", ful: "", ness: "" };
  var c = "[^aeiou]", v = "[aeiouy]", C = c + "[^aeiouy]*", V = v + "[aeiou]*";
  var MGR0 = new RegExp("^(" + C + ")?" + V + C);
  var MEQ1 = new RegExp("^(" + C + ")?" + V + C + "(" + V + ")?$");
  var MGR1 = new RegExp("^(" + C + ")?" + V + C + V + C);
  var S_V = new RegExp("^(" + C + ")?" + v);
  var RE_1A = /^(.+?)(ss|i)es$/, RE_1A2 = /^(.+?)([^s])s$/, RE_1B = /^(.+?)eed$/, RE_1B2 = /^(.+?)(ed|ing)$/;
  var LAST = /.$/, RE_1B_AT = /(at|bl|iz)$/, RE_1B_DOUBLE = /([^aeiouylsz])\1$/;
  var CVC = new RegExp("^" + C + v + "[^aeiouwxy]$");
  var RE_1C = /^(.+?[^aeiou])y$/;
  var RE_2 = new RegExp("^(.+?)(" + Object.keys(STEP2).join("|") + ")$");
  var RE_3 = new RegExp("^(.+?)(" + Object.keys(STEP3).join("|") + ")$");
  var RE_4 = /^(.+?)(al|ance|ence|er|ic|able|ible|ant|ement|ment|ent|ou|ism|ate|iti|ous|ive|ize)$/;
  var RE_4_ION = /^(.+?)(s|t)(ion)$/, RE_5 = /^(.+?)e$/, RE_5_LL = /ll$/;

  function stem(word) {
    if (word.length < 3) return word;
    var firstY = word[0] === "y";
    var w = firstY ? "Y" + word.slice(1) : word;
    var m;
    // Step 1
    if (RE_1A.test(w)) w = w.replace(RE_1A, "$1$2");
    else if (RE_1A2.test(w)) w = w.replace(RE_1A2, "$1$2");
    if ((m = RE_1B.exec(w))) {
      if (MGR0.test(m[1])) w = w.replace(LAST, "");
    } else if ((m = RE_1B2.exec(w)) && S_V.test(m[1])) {
      w = m[1];
      if (RE_1B_AT.test(w)) w += "e";
      else if (RE_1B_DOUBLE.test(w)) w = w.replace(LAST, "");
      else if (CVC.test(w)) w += "e";
    }
    if ((m = RE_1C.exec(w))) w = m[1] + "i";
    // Steps 2 and 3
    if ((m = RE_2.exec(w)) && MGR0.test(m[1])) w = m[1] + STEP2[m[2]];
    if ((m = RE_3.exec(w)) && MGR0.test(m[1])) w = m[1] + STEP3[m[2]];
    // Step 4
    if ((m = RE_4.exec(w))) {
      if (MGR1.test(m[1])) w = m[1];
    } else if ((m = RE_4_ION.exec(w)) && MGR1.test(m[1] + m[2])) {
      w = m[1] + m[2];
    }
    // Step 5
    if ((m = RE_5.exec(w)) && (MGR1.test(m[1]) || (MEQ1.test(m[1]) && !CVC.test(m[1])))) w = m[1];
    if (RE_5_LL.test(w) && MGR1.test(w)) w = w.replace(LAST, "");
    return firstY ? "y" + w.slice(1) : w;
  }

  /* ---- Engine: generator/search/engine.py ------------------------------------------------- */

  function bisectLeft(list, value) {
    var lo = 0, hi = list.length;
    while (lo < hi) {
      var mid = (lo + hi) >> 1;
      if (list[mid] < value) lo = mid + 1; else hi = mid;
    }
    return lo;
  }

  var ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

  /** Every string one letter wrong, missing, extra or swapped with its neighbour from `word`. */
  function oneEditVariants(word) {
    var found = [];
    for (var i = 0; i <= word.length; i++) {
      var head = word.slice(0, i), tail = word.slice(i);
      if (tail) found.push(head + tail.slice(1));
      if (tail.length > 1) found.push(head + tail[1] + tail[0] + tail.slice(2));
      for (var k = 0; k < ALPHABET.length; k++) {
        found.push(head + ALPHABET[k] + tail);
        if (tail) found.push(head + ALPHABET[k] + tail.slice(1));
      }
    }
    return found;
  }

  function addTerm(part, term, weight) {
    if (weight > (part.get(term) || 0)) part.set(term, weight);
  }

  /** An index: `manifest` is index.json, `load(name)` resolves to a parsed file of the index. */
  function SearchIndex(manifest, load) {
    this.load = load;
    this.key = manifest.key;
    this.docCount = manifest.docs;
    this.chunk = manifest.chunk;
    this.terms = manifest.terms ? manifest.terms.split(" ") : [];
    this.termNumbers = new Map();
    for (var i = 0; i < this.terms.length; i++) this.termNumbers.set(this.terms[i], i);
    this.shardStarts = manifest.shards;
    this.synonyms = manifest.synonyms.map(function (g) { return g.map(function (p) { return p.split(" "); }); });
    this.synonymTerms = new Set();
    var self = this;
    this.synonyms.forEach(function (g) { g.forEach(function (p) { p.forEach(function (t) { self.synonymTerms.add(t); }); }); });
    this.stopWords = new Set(manifest.stopWords.split(" "));
    this.ranking = manifest.ranking;
    this.shards = new Map();  // shard number -> Promise of its postings
    this.chunks = new Map();  // chunk number -> Promise of its rows
  }

  SearchIndex.prototype.tokens = function (query) {
    var found = words(query);
    var isOpen = found.length > 0 && /[a-z0-9]$/.test(normalize(query));
    var tokens = [];
    for (var n = 0; n < found.length; n++) {
      var word = found[n];
      if (this.stopWords.has(word)) continue;
      var term = indexTerm(word);
      tokens.push({ word: word, term: term, open: isOpen && n === found.length - 1, typos: this.typos(word, term) });
    }
    return tokens;
  };

  SearchIndex.prototype.typos = function (word, term) {
    if (word.length < this.ranking.typoMinLength) return [];
    if (this.termNumbers.has(term) || this.synonymTerms.has(term)) return [];
    var found = new Set(oneEditVariants(word).map(indexTerm)), self = this;
    return Array.from(found).filter(function (t) {
      return t !== term && (self.termNumbers.has(t) || self.synonymTerms.has(t));
    }).sort();
  };

  SearchIndex.prototype.part = function (token) {
    var r = this.ranking;
    var part = new Map();
    var known = this.termNumbers.has(token.term);
    if (known) part.set(token.term, 1.0);
    var weight = token.open ? r.prefix : r.stemPrefix;
    var minLength = token.open ? r.prefixMinLength : r.stemPrefixMinLength;
    if (token.term.length >= minLength) {
      this.startingWith(token.term).forEach(function (t) { addTerm(part, t, weight); });
      if (!known) {
        var shorter = this.longestKnownPrefix(token.term);
        if (shorter) addTerm(part, shorter, weight);
      }
    }
    for (var i = 0; i < token.typos.length; i++) {
      if (this.termNumbers.has(token.typos[i])) addTerm(part, token.typos[i], r.typo);
    }
    return part;
  };

  SearchIndex.prototype.startingWith = function (prefix) {
    var found = [];
    var i = bisectLeft(this.terms, prefix);
    while (i < this.terms.length && this.terms[i].startsWith(prefix) && found.length < this.ranking.maxExpansions) {
      if (this.terms[i] !== prefix) found.push(this.terms[i]);
      i++;
    }
    return found;
  };

  SearchIndex.prototype.longestKnownPrefix = function (term) {
    for (var length = term.length - 1; length >= Math.max(4, term.length - 4); length--) {
      if (this.termNumbers.has(term.slice(0, length))) return term.slice(0, length);
    }
    return null;
  };

  SearchIndex.prototype.synonymMatch = function (tokens, i) {
    var best = 0, groups = [];
    this.synonyms.forEach(function (group) {
      group.forEach(function (phrase) {
        var n = phrase.length;
        if (n < best || i + n > tokens.length) return;
        for (var k = 0; k < n; k++) {
          var token = tokens[i + k];
          if (token.term !== phrase[k] && token.typos.indexOf(phrase[k]) < 0) return;
        }
        if (n > best) { best = n; groups = []; }
        groups.push([group, phrase]);
      });
    });
    var others = [], seen = new Set(), ranking = this.ranking;
    groups.forEach(function (pair) {
      var phrase = pair[1], own = phrase.join(" ");
      var exact = phrase.every(function (t, k) { return tokens[i + k].term === t; });
      var weight = ranking.synonym * (exact ? 1.0 : ranking.typo);
      pair[0].forEach(function (p) {
        var key = p.join(" ");
        if (key !== own && !seen.has(key)) { seen.add(key); others.push([p, weight]); }
      });
    });
    return [best, others];
  };

  /** The query as clauses: [{words, alternatives: [{parts: [Map term -> weight], weight, label}]}]. */
  SearchIndex.prototype.parse = function (query) {
    var tokens = this.tokens(query);
    var parts = tokens.map(this.part, this);
    var clauses = [];
    var i = 0;
    while (i < tokens.length) {
      var match = this.synonymMatch(tokens, i);
      var span = Math.max(match[0], 1);
      var clauseWords = tokens.slice(i, i + span).map(function (t) { return t.word; });
      var alternatives = [{ parts: parts.slice(i, i + span), weight: 1.0, label: clauseWords.join(" "), whole: false }];
      match[1].forEach(function (other) {
        alternatives.push({
          parts: other[0].map(function (t) { return new Map([[t, 1.0]]); }),
          weight: other[1],
          label: other[0].join(" "),
          whole: true
        });
      });
      clauses.push({ words: clauseWords, alternatives: alternatives });
      i += span;
    }
    return clauses;
  };

  SearchIndex.prototype.known = function (clause) {
    var self = this;
    return clause.alternatives.some(function (a) {
      return a.parts.some(function (p) {
        return Array.from(p.keys()).some(function (t) { return self.termNumbers.has(t); });
      });
    });
  };

  SearchIndex.prototype.shardOf = function (number) {
    return bisectLeft(this.shardStarts, number + 1) - 1;
  };

  /** Fetch the shards holding every term of these clauses; resolves to term -> [[doc, score]]. */
  SearchIndex.prototype.fetchPostings = function (clauses) {
    var self = this, terms = new Set();
    clauses.forEach(function (clause) {
      clause.alternatives.forEach(function (a) {
        a.parts.forEach(function (p) { p.forEach(function (_, t) { if (self.termNumbers.has(t)) terms.add(t); }); });
      });
    });
    var wanted = Array.from(terms);
    return Promise.all(wanted.map(function (t) { return self.shard(self.shardOf(self.termNumbers.get(t))); }))
      .then(function () {
        var postings = new Map();
        return Promise.all(wanted.map(function (t) {
          var number = self.termNumbers.get(t), shard = self.shardOf(number);
          return self.shard(shard).then(function (data) {
            var flat = data[number - self.shardStarts[shard]], found = [], doc = 0;
            for (var k = 0; k < flat.length; k += 2) { doc += flat[k]; found.push([doc, flat[k + 1]]); }
            postings.set(t, found);
          });
        })).then(function () { return postings; });
      });
  };

  SearchIndex.prototype.shard = function (n) {
    if (!this.shards.has(n)) this.shards.set(n, this.load("terms-" + n + ".json"));
    return this.shards.get(n);
  };

  SearchIndex.prototype.chunkRows = function (n) {
    if (!this.chunks.has(n)) this.chunks.set(n, this.load("docs-" + n + ".json"));
    return this.chunks.get(n);
  };

  function partScores(part, postings) {
    var best = new Map();
    part.forEach(function (weight, term) {
      (postings.get(term) || []).forEach(function (entry) {
        var value = weight * entry[1];
        if (value > (best.get(entry[0]) || 0)) best.set(entry[0], value);
      });
    });
    return best;
  }

  function clauseScores(clause, postings) {
    var best = new Map(), span = clause.words.length;
    clause.alternatives.forEach(function (alternative) {
      var count = alternative.parts.length, sums = new Map();
      alternative.parts.forEach(function (part) {
        partScores(part, postings).forEach(function (value, doc) {
          var acc = sums.get(doc);
          if (!acc) { acc = [0.0, 0.0]; sums.set(doc, acc); }
          acc[0] += value;
          acc[1] += 1;
        });
      });
      var scale = alternative.weight * span / count;
      sums.forEach(function (acc, doc) {
        if (alternative.whole && acc[1] < count) return;
        var value = scale * acc[0] * acc[1] / count;
        if (value > (best.get(doc) || 0)) best.set(doc, value);
      });
    });
    return best;
  }

  SearchIndex.prototype.score = function (clauses, postings) {
    var total = new Map(), matched = new Map();
    clauses.forEach(function (clause) {
      clauseScores(clause, postings).forEach(function (value, doc) {
        total.set(doc, (total.get(doc) || 0.0) + value);
        matched.set(doc, (matched.get(doc) || 0) + 1);
      });
    });
    var final = new Map(), coordination = this.ranking.coordination;
    total.forEach(function (value, doc) {
      var share = matched.get(doc) / clauses.length, factor = 1.0;
      for (var k = 0; k < coordination; k++) factor *= share;
      final.set(doc, value * factor);
    });
    return final;
  };

  /** Resolves to {query, results: [{id, title, url, context, excerpt, score}], clauses, missing, terms}. */
  SearchIndex.prototype.search = function (query, limit) {
    var self = this;
    var clauses = this.parse(query);
    var live = clauses.filter(this.known, this);
    return this.fetchPostings(live).then(function (postings) {
      var ranked = Array.from(self.score(live, postings));
      ranked.sort(function (a, b) { return b[1] - a[1] || a[0] - b[0]; });
      if (ranked.length) {
        var floor = ranked[0][1] * self.ranking.minRelativeScore;
        ranked = ranked.filter(function (r) { return r[1] >= floor; });
      }
      ranked = ranked.slice(0, limit);
      return Promise.all(ranked.map(function (r) {
        return self.chunkRows(Math.floor(r[0] / self.chunk)).then(function (rows) {
          var row = rows[r[0] % self.chunk];
          return { id: row[0], title: row[1], url: row[2], context: row[3], excerpt: row[4], lang: row[5], score: r[1] };
        });
      })).then(function (results) {
        var missing = [];
        clauses.forEach(function (c) { if (live.indexOf(c) < 0) missing.push.apply(missing, c.words); });
        return { query: query, results: results, clauses: clauses, missing: missing, terms: postings };
      });
    });
  };

  var api = { words: words, stem: stem, indexTerm: indexTerm, oneEditVariants: oneEditVariants, SearchIndex: SearchIndex };
  if (typeof module === "object" && module.exports) {
    module.exports = api;  // node: the cross-language tests
    return;
  }
  window.hcSearch = api;
  if (typeof document !== "undefined") setUpBoxes();

  /* ---- The search boxes --------------------------------------------------------------------- */

  function setUpBoxes() {
    var LIMIT = 8;
    var config = readConfig();
    var root = new URL((config.base || ".").replace(/\/?$/, "/"), location.href);
    var indexUrl = new URL(config.index || "assets/search/", root);
    var indexPromise = null;
    var sequence = 0;

    function readConfig() {
      var node = document.getElementById("hc-search-config");
      try { return node ? JSON.parse(node.textContent) : {}; } catch (e) { return {}; }
    }

    function fetchJson(url) {
      return fetch(url, { credentials: "same-origin" }).then(function (response) {
        if (!response.ok) throw new Error(response.status + " " + url);
        return response.json();
      });
    }

    function loadIndex() {
      if (!indexPromise) {
        indexPromise = fetchJson(new URL("index.json", indexUrl)).then(function (manifest) {
          var index = new SearchIndex(manifest, function (name) {
            return fetchJson(new URL(name + "?v=" + manifest.key, indexUrl));
          });
          document.documentElement.setAttribute("data-hc-search-ready", "");
          return index;
        });
        indexPromise.catch(function () { indexPromise = null; });
      }
      return indexPromise;
    }
    window.hcSearch.ready = loadIndex;

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

    function run(widget) {
      var p = parts(widget);
      var query = p.input.value;
      var mine = ++sequence;
      widget.hcSequence = mine;
      if (!query.trim()) { render(widget, null); return Promise.resolve(); }
      return loadIndex().then(function (index) {
        return index.search(query, LIMIT);
      }).then(function (response) {
        if (widget.hcSequence === mine) render(widget, response);
      }, function () {
        if (widget.hcSequence === mine) showStatus(p, say("search_unavailable", "Search is not available right now. Please try again."));
      });
    }

    function showStatus(p, text) {
      if (p.status) p.status.textContent = text;
    }

    function render(widget, response) {
      var p = parts(widget);
      p.results.textContent = "";
      if (p.fallback) { p.fallback.hidden = true; p.fallback.textContent = ""; }
      widget.toggleAttribute("data-hc-search-active", Boolean(response));
      if (!response) { showStatus(p, widget.getAttribute("data-hc-search-hint") || ""); return; }
      var marked = new Set(response.terms.keys());
      response.results.forEach(function (result) { p.results.appendChild(resultItem(result, marked)); });
      var n = response.results.length;
      var missing = response.missing.length ? " " + say("no_article_mentions", "No article mentions \u201c{words}\u201d.",
        { words: response.missing.join(" ") }) : "";
      if (n) {
        showStatus(p, (n === 1 ? say("one_result", "1 result.") : say("results", "{count} results.", { count: n })) + missing);
      } else {
        showStatus(p, say("no_results", "No results for \u201c{query}\u201d.", { query: response.query.trim() }));
        if (p.fallback) showFallback(p.fallback);
      }
      widget.setAttribute("data-hc-search-done", response.query);
    }

    function resultItem(result, marked) {
      var item = document.createElement("li");
      item.className = "md-search-result__item hc-search-result";
      var link = document.createElement("a");
      link.className = "md-search-result__link hc-search-result__link";
      link.href = new URL(result.url, root).href;
      link.setAttribute("data-hc-search-id", result.id);
      var article = document.createElement("article");
      article.className = "md-search-result__article md-typeset";
      var title = document.createElement("h2");
      title.className = "hc-search-result__title";
      title.appendChild(highlight(result.title, marked));
      var context = document.createElement("p");
      context.className = "hc-search-result__context";
      context.textContent = result.context;
      var excerpt = document.createElement("p");
      excerpt.className = "hc-search-result__excerpt";
      excerpt.appendChild(highlight(result.excerpt, marked));
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
    function highlight(text, marked) {
      var fragment = document.createDocumentFragment();
      text.split(/([A-Za-z0-9\u00c0-\u024f'\u2019]+)/).forEach(function (piece, i) {
        var hit = i % 2 === 1 && words(piece).some(function (w) { return marked.has(indexTerm(w)); });
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

    /** No results: the contact link and the most important questions instead of an empty box. */
    function showFallback(box) {
      var text = document.createElement("p");
      text.append(say("try_other_words", "Try other words, or "));
      var contact = document.createElement("a");
      contact.href = config.contact || new URL(".", root).href;
      contact.textContent = say("contact_us_lower", "contact us");
      contact.className = "hc-search-fallback__contact";
      text.append(contact, say("happy_to_help", " \u2014 we are happy to help."));
      box.appendChild(text);
      if (config.featured && config.featured.length) {
        var heading = document.createElement("p");
        heading.className = "hc-search-fallback__heading";
        heading.textContent = say("popular_questions", "Popular questions");
        var list = document.createElement("ul");
        config.featured.forEach(function (item) {
          var li = document.createElement("li"), a = document.createElement("a");
          a.href = new URL(item.url, root).href;
          a.textContent = item.title;
          li.appendChild(a);
          list.appendChild(li);
        });
        box.append(heading, list);
      }
      box.hidden = false;
    }

    /* -- the header's overlay, opened by Material's __search toggle -- */

    function toggle(open) {
      var box = document.getElementById("__search");
      if (box && box.checked !== open) box.checked = open;
    }

    function isHeader(widget) {
      return widget.getAttribute("data-hc-search") === "header";
    }

    function links(widget) {
      return Array.from(widget.querySelectorAll("[data-hc-search-results] a"));
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

    function onSubmit(event) {
      var widget = widgetOf(event.target);
      if (!widget) return;
      event.preventDefault();
      run(widget).then(function () {
        var first = links(widget)[0];
        if (first) first.click();
      });
    }

    function onFocusIn(event) {
      var widget = widgetOf(event.target);
      if (!widget || !event.target.matches("[data-hc-search-input]")) return;
      loadIndex();
      if (isHeader(widget)) toggle(true);
    }

    document.addEventListener("input", function (event) {
      var widget = widgetOf(event.target);
      if (widget && event.target.matches("[data-hc-search-input]")) run(widget);
    });
    document.addEventListener("keydown", onKeydown);
    document.addEventListener("submit", onSubmit);
    document.addEventListener("focusin", onFocusIn);
    // Tabbing out of the header's search closes it: on a phone its panel would otherwise keep
    // covering (and holding still) the page the focus has moved on to.
    document.addEventListener("focusout", function (event) {
      var widget = widgetOf(event.target);
      var next = event.relatedTarget;
      if (widget && isHeader(widget) && next instanceof Element && !widget.contains(next)) toggle(false);
    });
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

    /** On every page (first load and instant navigation): close the overlay, honour ?q=. */
    function onPage() {
      toggle(false);
      var focused = document.activeElement;
      if (focused && focused !== document.body && widgetOf(focused) && isHeader(widgetOf(focused))) focused.blur();
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

    if (typeof window.document$ !== "undefined" && window.document$.subscribe) {
      window.document$.subscribe(onPage);
    } else {
      onPage();
    }
    // Back from an article opened from the header's search: the browser restores this page as it
    // was left (back/forward cache), overlay open; close it as a fresh load would be.
    window.addEventListener("pageshow", function (event) {
      if (event.persisted) toggle(false);
    });
    // Fetch the small manifest (a few KB) now, so that the first keystroke finds search ready;
    // the postings and documents wait for a query. This script runs at the end of the body, after
    // the page's own content has been requested.
    loadIndex();
  }
})();
