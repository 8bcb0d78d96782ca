/*
 * Help-center search, part 1 of 2: the query engine (no DOM). hc-search-box.js is the boxes.
 *
 * generator/search/engine.py (and text.py, stemmer.py) written again, step for step, so that
 * the browser and `helpcenter search` rank alike; tests/search_vectors.json holds queries whose
 * ranked results, scores and confidence both must reproduce exactly (tests/test_search_vectors.py
 * runs this file in node). The index files are described in generator/search/builder.py: a
 * manifest fetched once, with the page, then only the shards of postings and the chunks of
 * documents a query needs (and, before it is parsed, the parts of the shopping lexicon of its
 * words). Exposed as window.hcSearch (and module.exports in node).
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

  // Words Porter merges with another that shoppers keep apart: generator/search/text.py's OWN_TERMS.
  var OWN_TERMS = new Map([["customs", "customs"]]);

  var termCache = new Map();  // typo variants stem hundreds of words a keystroke: stem each once

  function indexTerm(word) {
    var found = termCache.get(word);
    if (found === undefined) {
      if (termCache.size > 50000) termCache.clear();
      found = OWN_TERMS.get(word) || (/[0-9]/.test(word) ? word : stem(word));
      termCache.set(word, found);
    }
    return found;
  }

  /* ---- Other languages: generator/search/languages.py ------------------------------------- */

  var CJK = "\u1100-\u11ff\u3040-\u30ff\u3130-\u318f\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff";
  var CJK_RUNS = new RegExp("[" + CJK + "]+|[^" + CJK + "]+", "g");
  var CJK_RUN = new RegExp("^[" + CJK + "]");
  var CJK_LANGUAGES = new Set(["ja", "zh", "ko"]);

  function fold(word) { return word.normalize("NFKD").replace(MARKS, ""); }

  function bigrams(run) {
    var chars = Array.from(run), out = [];
    if (chars.length === 1) return chars;
    for (var i = 0; i + 1 < chars.length; i++) out.push(chars[i] + chars[i + 1]);
    return out;
  }

  function stemmerClass(name) {
    return globalThis[name.charAt(0).toUpperCase() + name.slice(1) + "Stemmer"];
  }

  /** The word rules of an index: `code` its manifest's language, `stemmer` its Snowball
   *  algorithm (whose snowball/<stemmer>-stemmer.js must be loaded, see loadStemmer). */
  function Language(code, stemmer) {
    this.code = code || "en";
    this.english = this.code === "en";
    this.cjk = CJK_LANGUAGES.has(this.code);
    this.stemmer = stemmer || null;
    this.cache = new Map();
  }

  Language.prototype.words = function (text) {
    if (this.english) return words(text);
    var found = text.normalize("NFKC").toLowerCase().match(/[\p{L}\p{N}]+/gu) || [];
    if (!this.cjk) return found;
    var out = [];
    found.forEach(function (word) {
      (word.match(CJK_RUNS) || []).forEach(function (run) {
        if (CJK_RUN.test(run)) out.push.apply(out, bigrams(run));
        else out.push(fold(run));
      });
    });
    return out;
  };

  Language.prototype.term = function (word) {
    if (this.english) return indexTerm(word);
    if (this.cjk) return word;
    if (!this.stemmer) return fold(word);  // no Snowball stemmer for the language: words as typed
    var found = this.cache.get(word);
    if (found === undefined) {
      if (!this.snowball) this.snowball = new (stemmerClass(this.stemmer))();
      found = /[0-9]/.test(word) ? fold(word) : fold(this.snowball.stemWord(word));
      this.cache.set(word, found);
    }
    return found;
  };

  Language.prototype.isOpen = function (query) {
    if (this.english) return /[a-z0-9]$/.test(normalize(query));
    return /[\p{L}\p{N}]$/u.test(query.normalize("NFKC").toLowerCase());
  };

  var scriptBase = typeof document === "object" && document.currentScript ? document.currentScript.src : null;
  var scripts = new Map();

  function loadScript(name) {
    if (!scripts.has(name)) {
      scripts.set(name, new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = new URL("snowball/" + name + "-stemmer.js", scriptBase).href;
        script.onload = resolve;
        script.onerror = function () { reject(new Error("cannot load " + script.src)); };
        document.head.appendChild(script);
      }));
    }
    return scripts.get(name);
  }

  /** Resolves once the Snowball stemmer `name` is defined: already there (a page or node loaded
   *  it), or loaded now from snowball/ beside this file (base-stemmer.js first), only this one. */
  function loadStemmer(name) {
    if (!name || stemmerClass(name)) return Promise.resolve();
    if (!scriptBase) return Promise.reject(new Error("the Snowball stemmer " + name + " is not loaded"));
    var base = globalThis.BaseStemmer ? Promise.resolve() : loadScript("base");
    return base.then(function () { return loadScript(name); });
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

  function split(phrase) { return phrase.split(" "); }

  /** The store's synonym groups (each phrase stands for the others); the lexicon's rules come
   *  after them, part by part (addLexiconPart). */
  function synonymRules(manifest, ranking) {
    return manifest.synonyms.map(function (g) {
      var phrases = g.map(split);
      return { triggers: phrases, targets: phrases, weight: ranking.synonym, decay: 1.0 };
    });
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
    this.ranking = manifest.ranking;
    this.synonyms = synonymRules(manifest, this.ranking);
    this.rules = this.synonyms.slice();
    this.synonymTerms = new Set();
    var self = this;
    this.rules.forEach(function (r) { r.triggers.forEach(function (p) { p.forEach(function (t) { self.synonymTerms.add(t); }); }); });
    this.language = new Language(manifest.language, manifest.stemmer);
    this.stemmerReady = null;  // a Promise once search needs the stemmer
    this.stopWords = new Set(manifest.stopWords ? manifest.stopWords.split(" ") : []);
    this.lexiconKeys = new Set(manifest.lexicon.parts.split(" ").filter(Boolean));
    this.keyLength = manifest.lexicon.keyLength;
    this.lexiconParts = new Map();  // key -> Promise, resolved once the part is merged
    this.lexiconRules = new Map();  // rule number -> rule
    this.lexiconTerms = new Set();
    this.commonWords = new Set();  // words shoppers commonly type: never typos (realwords.py)
    this.fillers = [];
    this.situations = [];  // [words as typed, rule number]
    this.shards = new Map();  // shard number -> Promise of its postings
    this.chunks = new Map();  // chunk number -> Promise of its rows
  }

  SearchIndex.prototype.tokens = function (query) {
    var found = this.language.words(query);
    var isOpen = found.length > 0 && this.language.isOpen(query);
    var spans = this.phraseSpans(found);
    var tokens = [];
    var n = 0;
    while (n < found.length) {
      var span = spans.get(n) || [0, -1], length = span[0], number = span[1];
      if (number >= 0) {  // a situation: one token, whose term only its rule knows
        var said = found.slice(n, n + length), own = [];
        for (var k = 0; k < said.length; k++) if (!this.stopWords.has(said[k])) own.push(this.language.term(said[k]));
        tokens.push({ word: said.join(" "), term: "#" + number, open: false, typos: [], content: own });
      } else if (!length && !this.stopWords.has(found[n])) {
        var word = found[n];
        var term = this.language.term(word);
        var typos = this.typos(word, term);
        if (!this.stopWordTypo(word, term)) {
          tokens.push({ word: word, term: term, open: isOpen && n === found.length - 1, typos: typos });
        }
      }
      n += Math.max(length, 1);
    }
    return tokens;
  };

  function sameWords(found, i, phrase) {
    if (i + phrase.length > found.length) return false;
    for (var k = 0; k < phrase.length; k++) if (found[i + k] !== phrase[k]) return false;
    return true;
  }

  /** Where the query's words (stop words included) hold a filler or a lexicon situation:
   *  start -> [length, the situation's rule number or -1]; the longest at each word, a situation
   *  winning a tie with a filler, and the first rule a tie between situations. */
  SearchIndex.prototype.phraseSpans = function (found) {
    var spans = new Map(), i = 0;
    while (i < found.length) {
      var length = 0, number = -1;
      this.fillers.forEach(function (filler) {
        if (filler.length > length && sameWords(found, i, filler)) length = filler.length;
      });
      this.situations.forEach(function (entry) {
        var n = entry[0].length, rule = entry[1];
        var wins = n > length || (n === length && (number < 0 || rule < number));
        if (wins && sameWords(found, i, entry[0])) { length = n; number = rule; }
      });
      if (length) spans.set(i, [length, number]);
      i += Math.max(length, 1);
    }
    return spans;
  };

  /** A very short word nothing knows, one edit from a stop word ("wat", "cn"): dropped like one. */
  SearchIndex.prototype.stopWordTypo = function (word, term) {
    if (word.length > this.ranking.stopTypoMaxLength || this.language.cjk || this.commonWords.has(word)) return false;
    if (this.termNumbers.has(term) || this.isTrigger(term, term)) return false;
    var stopWords = this.stopWords;
    return oneEditVariants(word).some(function (v) { return stopWords.has(v); });
  };

  SearchIndex.prototype.typos = function (word, term) {
    if (word.length < this.ranking.typoMinLength || this.language.cjk) return [];  // a CJK "word" is a bigram
    if (this.termNumbers.has(term) || this.isTrigger(term, term) || this.commonWords.has(word)) return [];
    var self = this;
    var stopWords = this.stopWords;  // a variant that is a stop word never becomes content
    var found = new Set(oneEditVariants(word).filter(function (v) { return !stopWords.has(v); }).map(function (v) { return self.language.term(v); }));
    var short = word.length <= this.ranking.typoShortLength;  // into the index's own words only
    return Array.from(found).filter(function (t) {
      return t !== term && (self.termNumbers.has(t) || (!short && self.isTrigger(t, term)));
    }).sort();
  };

  /** A synonym or lexicon trigger term; the lexicon's only in the part of `term` (always
   *  fetched for the word, so that earlier queries' parts change nothing). */
  SearchIndex.prototype.isTrigger = function (candidate, term) {
    return this.synonymTerms.has(candidate) || (this.lexiconKey(candidate) === this.lexiconKey(term) && this.lexiconTerms.has(candidate));
  };

  SearchIndex.prototype.lexiconKey = function (word) { return word.slice(0, this.keyLength); };

  /** The lexicon parts a query needs and has not fetched: its words' and terms', then
   *  (`typos`, once those are merged) those of its typos' terms. */
  SearchIndex.prototype.lexiconKeysFor = function (query, typos) {
    var found = this.language.words(query), keys = new Set(), self = this;
    found.forEach(function (word) {
      keys.add(self.lexiconKey(word));
      if (self.stopWords.has(word)) return;
      var term = self.language.term(word);
      keys.add(self.lexiconKey(term));
      if (typos) self.typos(word, term).forEach(function (t) { keys.add(self.lexiconKey(t)); });
    });
    return Array.from(keys).sort().filter(function (k) { return self.lexiconKeys.has(k); });
  };

  SearchIndex.prototype.addLexiconPart = function (part) {
    var self = this;
    (part.rules || []).forEach(function (rule) {
      var said = rule[1].map(split), number = rule[0];
      if (rule.length > 3) {  // situations: matched on the words as typed, then term "#N"
        said.push(["#" + number]);
        rule[3].forEach(function (p) {
          var known = self.situations.some(function (e) { return e[1] === number && e[0].join(" ") === p; });
          if (!known) self.situations.push([split(p), number]);
        });
      }
      self.lexiconRules.set(number, { triggers: said, targets: rule[2].map(split), weight: self.ranking.lexicon, decay: self.ranking.lexiconDecay });
    });
    (part.fillers || []).forEach(function (f) { self.fillers.push(split(f)); });
    (part.terms || []).forEach(function (t) { self.lexiconTerms.add(t); });
    (part.words || []).forEach(function (w) { self.commonWords.add(w); });
    var numbers = Array.from(this.lexiconRules.keys()).sort(function (a, b) { return a - b; });
    this.rules = this.synonyms.concat(numbers.map(function (n) { return self.lexiconRules.get(n); }));
  };

  SearchIndex.prototype.lexiconPart = function (key) {
    var self = this;
    if (!this.lexiconParts.has(key)) {
      this.lexiconParts.set(key, this.load("lexicon-" + key + ".json").then(function (part) { self.addLexiconPart(part); }));
    }
    return this.lexiconParts.get(key);
  };

  /** Resolves once the lexicon parts that `query` needs are merged (parse needs them). */
  SearchIndex.prototype.loadLexicon = function (query) {
    var self = this;
    var first = this.lexiconKeysFor(query, false).map(this.lexiconPart, this);
    return Promise.all(first).then(function () {
      return Promise.all(self.lexiconKeysFor(query, true).map(self.lexiconPart, self));
    });
  };

  SearchIndex.prototype.part = function (token) {
    var r = this.ranking;
    var part = new Map();
    if (token.content && token.content.length) {  // a situation: its own words count as typed
      for (var c = 0; c < token.content.length; c++) {
        if (this.termNumbers.has(token.content[c])) part.set(token.content[c], r.situationWords);
      }
      return part;
    }
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

  /** The longest trigger phrase of any rule at token i, and the targets of the rule(s) it triggers. */
  SearchIndex.prototype.synonymMatch = function (tokens, i) {
    var best = 0, found = [];
    this.rules.forEach(function (rule) {
      rule.triggers.forEach(function (phrase) {
        var n = phrase.length;
        if (n < best || i + n > tokens.length) return;
        for (var k = 0; k < n; k++) {
          var token = tokens[i + k];
          if (token.term !== phrase[k] && token.typos.indexOf(phrase[k]) < 0) return;
        }
        if (n > best) { best = n; found = []; }
        found.push([rule, phrase]);
      });
    });
    var others = [], seen = new Set(), ranking = this.ranking;
    found.forEach(function (pair) {
      var phrase = pair[1], own = phrase.join(" ");
      var exact = phrase.every(function (t, k) { return tokens[i + k].term === t; });
      var weight = pair[0].weight * (exact ? 1.0 : ranking.typo);
      pair[0].targets.forEach(function (p) {
        var key = p.join(" ");
        if (key !== own && !seen.has(key)) { seen.add(key); others.push([p, weight]); }
        weight = weight * pair[0].decay;
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
      clauses.push({ words: clauseWords, alternatives: alternatives, situation: tokens[i].term.charAt(0) === "#" });
      i += span;
    }
    return clauses;
  };

  /** The words typed match something themselves, or through a phrase they hold as typed (not one a near spelling reached). */
  SearchIndex.prototype.direct = function (clause) {
    var self = this, first = clause.alternatives[0];
    return clause.alternatives.some(function (a) {
      if (a !== first && !(a.weight >= self.ranking.lexicon)) return false;
      return a.parts.some(function (p) {
        return Array.from(p.keys()).some(function (t) { return self.termNumbers.has(t); });
      });
    });
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

  /** Each document's best alternative; a synonym or lexicon phrase never above its weight times
   *  the best score of the words typed (when they match anything). */
  function clauseScores(clause, postings) {
    var best = new Map(), span = clause.words.length, typed = 0.0;
    clause.alternatives.forEach(function (alternative, number) {
      var count = alternative.parts.length, sums = new Map();
      alternative.parts.forEach(function (part) {
        partScores(part, postings).forEach(function (value, doc) {
          var acc = sums.get(doc);
          if (!acc) { acc = [0.0, 0.0]; sums.set(doc, acc); }
          acc[0] += value;
          acc[1] += 1;
        });
      });
      var scale = alternative.weight * span / count, cap = alternative.weight * typed;
      sums.forEach(function (acc, doc) {
        if (alternative.whole && acc[1] < count) return;
        var value = scale * acc[0] * acc[1] / count;
        if (number > 0 && typed > 0 && value > cap && !clause.situation) value = cap;
        if (value > (best.get(doc) || 0)) best.set(doc, value);
        if (number === 0 && acc[1] === count && value > typed) typed = value;
      });
    });
    return best;
  }

  /** How much a clause matching `docFreq` documents weighs: its IDF in thousandths, at least 1. */
  SearchIndex.prototype.specificity = function (docFreq) {
    var n = this.docCount;
    var idf = Math.log(1 + (n - docFreq + 0.5) / (docFreq + 0.5));
    return Math.max(1, Math.floor(idf * 1000 + 0.5));
  };

  /** [score by document, specificity covered by document]. */
  SearchIndex.prototype.score = function (matches, weights) {
    var total = new Map(), covered = new Map(), whole = 0;
    matches.forEach(function (best, c) {
      best.forEach(function (value, doc) {
        total.set(doc, (total.get(doc) || 0.0) + value);
        covered.set(doc, (covered.get(doc) || 0) + weights[c]);
      });
      whole += weights[c];
    });
    var final = new Map(), coordination = this.ranking.coordination;
    total.forEach(function (value, doc) {
      var share = covered.get(doc) / whole, factor = 1.0;
      for (var k = 0; k < coordination; k++) factor *= share;
      final.set(doc, value * factor);
    });
    return [final, covered];
  };

  /** Resolves to {query, results: [{id, title, url, context, excerpt, score}], clauses, missing,
   *  confidence ("answer", "related" or "none"), terms}. */
  SearchIndex.prototype.search = function (query, limit) {
    var self = this;
    if (!this.stemmerReady) this.stemmerReady = loadStemmer(this.language.stemmer);
    return this.stemmerReady.then(function () { return self.loadLexicon(query); }).then(function () { return self.ranked(query, limit); });
  };

  SearchIndex.prototype.ranked = function (query, limit) {
    var self = this;
    var clauses = this.parse(query);
    var live = clauses.filter(this.known, this);
    return this.fetchPostings(live).then(function (postings) {
      var matches = live.map(function (c) { return clauseScores(c, postings); });
      var weights = matches.map(function (m) { return self.specificity(m.size); });
      var scored = self.score(matches, weights);
      var ranked = Array.from(scored[0]);
      ranked.sort(function (a, b) { return b[1] - a[1] || a[0] - b[0]; });
      if (ranked.length) {
        var floor = ranked[0][1] * self.ranking.minRelativeScore;
        ranked = ranked.filter(function (r) { return r[1] >= floor; });
      }
      var confidence = "none";
      if (ranked.length) {
        var whole = weights.reduce(function (a, b) { return a + b; }, 0);
        var unknown = Math.min(clauses.length - live.length, self.ranking.unknownWords) * self.specificity(0);
        var share = scored[1].get(ranked[0][0]) / (whole + unknown);
        confidence = share >= self.ranking.confidence ? "answer" : "related";
        if (confidence === "related" && !live.some(self.direct, self)) {
          ranked = [];  // only links through typos matched: no related topics
          confidence = "none";
        }
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
        return { query: query, results: results, clauses: clauses, missing: missing, confidence: confidence, terms: postings, language: self.language };
      });
    });
  };

  var api = { words: words, stem: stem, indexTerm: indexTerm, Language: Language, oneEditVariants: oneEditVariants, SearchIndex: SearchIndex };
  if (typeof module === "object" && module.exports) module.exports = api;  // node: the cross-language tests
  else window.hcSearch = api;
})();
