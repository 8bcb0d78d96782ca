"""The query engine, reading the files that builder.py writes, step for step like hc-search-engine.js.

A query loses its conversational filler ("hi", "can you tell me"), then becomes a list of
clauses, one per word or per phrase that a synonym rule knows. A clause has alternatives (the
words as typed, each synonym or lexicon phrase), an alternative has parts (one per word), and
a part is the set of index terms that count for that word, each with a weight: the word's own
term (1), terms starting with it (it is still being typed, or the stemmer cut differently),
and, only for a word of five letters or more that the index does not know, the terms of the
words one edit away from it.

A document's score is the sum over clauses of its best alternative, times its coverage
squared: the share of the query's specificity it matches, each clause weighing as much as it
is rare in the index (an IDF, in thousandths). So the informative words of a sentence decide,
and a one- or two-word query that a document matches whole ranks as it always did. The same
weights decide the confidence: when the best document covers under ``confidence`` of the
query's weight, words nothing mentions counted at their full weight, the query has no answer
here and its results are only related topics. Only the first ``unknownWords`` words nothing
mentions count: one is enough to doubt the answer, and in a long message the others are mostly
its incidental details (a name, a city, a date), which would otherwise turn every long message
into a question without an answer. Everything is computed in the same order as in
JavaScript, so that both give the same floating-point scores.
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.search.builder import PREFIX
from generator.search.languages import CJK, word_rules
from generator.search.text import MARKS, one_edit_variants

_OPEN_END = re.compile("[a-z0-9]$")

Part = dict[str, float]  # index term -> weight


@dataclass
class Alternative:
    parts: list[Part]
    weight: float
    label: str  # the words or synonym phrase, for explanations
    whole: bool = False  # a synonym phrase counts only where all its words are


@dataclass
class Clause:
    words: list[str]
    alternatives: list[Alternative]
    situation: bool = False  # a lexicon situation: what it means is not capped by its words


@dataclass
class SearchResult:
    id: str
    title: str
    url: str
    context: str
    excerpt: str
    score: float


@dataclass
class SearchResponse:
    query: str
    results: list[SearchResult]
    clauses: list[Clause] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    """Words that match nothing in the index (not even a synonym or a near spelling)."""
    confidence: str = "none"
    """``answer``: the results answer the query; ``related``: they are only related topics
    (its specific words match nothing); ``none``: no result at all."""


@dataclass(frozen=True)
class Rule:
    """Query phrases (as terms) that also search for other phrases, at a weight."""

    triggers: list[list[str]]
    targets: list[list[str]]
    weight: float
    decay: float = 1.0  # each target after the first weighs this much less (the lexicon's come in order)


@dataclass(frozen=True)
class _Token:
    word: str
    term: str
    open: bool  # the last word, with nothing typed after it
    typos: tuple[str, ...]  # index or synonym terms one edit away, if the word is unknown and long
    content: tuple[str, ...] = ()  # a situation's own terms (its words less stop words)


class SearchIndex:
    """Search over the index files; ``read`` returns a file's bytes by name (``index.json``)."""

    def __init__(self, read: Callable[[str], bytes]) -> None:
        self._read = read
        manifest = json.loads(read("index.json"))
        self.key: str = manifest["key"]
        self.doc_count: int = manifest["docs"]
        self._chunk: int = manifest["chunk"]
        self.terms: list[str] = manifest["terms"].split(" ") if manifest["terms"] else []
        self._term_numbers = {t: i for i, t in enumerate(self.terms)}
        self._shard_starts: list[int] = manifest["shards"]
        self.ranking: dict[str, float] = manifest["ranking"]
        self._synonyms = _synonym_rules(manifest, self.ranking)
        self.rules = list(self._synonyms)
        self._synonym_terms = {t for r in self.rules for p in r.triggers for t in p}
        self.language = word_rules(manifest.get("language"))
        self._stop_words = frozenset(manifest["stopWords"].split(" ")) if manifest["stopWords"] else frozenset()
        self._lexicon_parts = set(manifest["lexicon"]["parts"].split())
        self._key_length: int = manifest["lexicon"]["keyLength"]
        self._lexicon_rules: dict[int, Rule] = {}
        self._lexicon_terms: set[str] = set()
        self._common_words: set[str] = set()  # words shoppers commonly type: never typos (realwords.py)
        self._loaded_parts: set[str] = set()
        self._fillers: list[list[str]] = []
        self._situations: list[tuple[list[str], int]] = []  # (words as typed, rule number)
        self._shards: dict[int, list[list[int]]] = {}
        self._chunks: dict[int, list[list[str]]] = {}
        self.files_read: list[str] = ["index.json"]

    @classmethod
    def from_files(cls, files: dict[str, bytes]) -> SearchIndex:
        """From ``build_search_files``' output (site paths)."""
        return cls(lambda name: files[PREFIX + name])

    @classmethod
    def from_directory(cls, site_dir: Path) -> SearchIndex:
        """From a built site."""
        return cls(lambda name: (site_dir / PREFIX / name).read_bytes())

    def search(self, query: str, limit: int = 10) -> SearchResponse:
        clauses = self.parse(query)
        live = [c for c in clauses if self._known(c)]
        matches = [self._clause_scores(c) for c in live]
        weights = [self.specificity(len(m)) for m in matches]
        scores, covered = self._score(matches, weights)
        ranked = sorted(scores.items(), key=lambda item: (-item[1], item[0]))
        if ranked:
            floor = ranked[0][1] * self.ranking["minRelativeScore"]
            ranked = [r for r in ranked if r[1] >= floor]
        missing = [w for c in clauses if c not in live for w in c.words]
        confidence = "none"
        if ranked:
            unknown = min(len(clauses) - len(live), int(self.ranking["unknownWords"])) * self.specificity(0)
            confidence = self._confidence(covered[ranked[0][0]], sum(weights) + unknown)
            if confidence == "related" and not any(self._direct(c) for c in live):
                ranked, confidence = [], "none"  # only links through typos matched: no related topics
        results = [self._result(doc, score) for doc, score in ranked[:limit]]
        return SearchResponse(query, results, clauses, missing, confidence)

    def _direct(self, clause: Clause) -> bool:
        """Whether the words typed match something themselves (as typed, a form, a near spelling)
        or through a synonym or lexicon phrase they hold as typed, not only through a phrase that
        a near spelling reached (its weight times ``typo``): "socks" is not "soaks"."""
        return any(t in self._term_numbers for a in clause.alternatives
                   if a is clause.alternatives[0] or a.weight >= self.ranking["lexicon"] for p in a.parts for t in p)

    def _confidence(self, best_covers: int, query_weight: int) -> str:
        """``answer`` if the best result covers enough of the query's specificity (words nothing
        mentions counted at the most a word can weigh), else ``related``."""
        return "answer" if best_covers / query_weight >= self.ranking["confidence"] else "related"

    def specificity(self, doc_freq: int) -> int:
        """How much a clause matching ``doc_freq`` documents weighs: its IDF in thousandths (at
        least 1). Rounded so that JavaScript's and Python's logarithms, which may differ in the
        last bit, give the same integer."""
        n = self.doc_count
        idf = math.log(1 + (n - doc_freq + 0.5) / (doc_freq + 0.5))
        return max(1, math.floor(idf * 1000 + 0.5))

    # -- from the query to clauses ---------------------------------------------------------------

    def parse(self, query: str) -> list[Clause]:
        self._load_lexicon(query)
        tokens = self._tokens(query)
        parts = [self._part(t) for t in tokens]
        clauses: list[Clause] = []
        i = 0
        while i < len(tokens):
            length, phrases = self._synonym_match(tokens, i)
            span = max(length, 1)
            words = [t.word for t in tokens[i : i + span]]
            alternatives = [Alternative(parts[i : i + span], 1.0, " ".join(words))]
            for phrase, weight in phrases:
                synonym: list[Part] = [{t: 1.0} for t in phrase]
                alternatives.append(Alternative(synonym, weight, " ".join(phrase), whole=True))
            clauses.append(Clause(words, alternatives, tokens[i].term.startswith("#")))
            i += span
        return clauses

    def _tokens(self, query: str) -> list[_Token]:
        found = self.language.words(query)
        # The last word is still being typed unless something (a space, a "?") follows it.
        if self.language.english:
            normalized = MARKS.sub("", unicodedata.normalize("NFKD", query)).lower()
            is_open = bool(found) and bool(_OPEN_END.search(normalized))
        else:
            is_open = bool(found) and self.language.is_open(query)
        spans = self._phrase_spans(found)
        tokens = []
        n = 0
        while n < len(found):
            length, number = spans.get(n, (0, -1))
            if number >= 0:  # a situation: one token, whose term only its rule knows
                said = found[n : n + length]
                own = tuple(self.language.term(w) for w in said if w not in self._stop_words)
                tokens.append(_Token(" ".join(said), f"#{number}", False, (), own))
            elif not length and found[n] not in self._stop_words:
                word = found[n]
                term = self.language.term(word)
                typos = self._typos(word, term)
                if not self._stop_word_typo(word, term):
                    tokens.append(_Token(word, term, is_open and n == len(found) - 1, typos))
            n += max(length, 1)
        return tokens

    def _phrase_spans(self, found: list[str]) -> dict[int, tuple[int, int]]:
        """Where the query's words (as typed, stop words included) hold a conversational filler
        ("i was wondering") or a lexicon situation ("paid but nothing came"): start -> (length,
        the situation's rule number or -1 for a filler). The longest at each word, left to
        right; a situation as long as a filler wins (its words say what happened), and of two
        situations as long, the first rule."""
        spans: dict[int, tuple[int, int]] = {}
        i = 0
        while i < len(found):
            length, number = 0, -1
            for filler in self._fillers:
                n = len(filler)
                if n > length and found[i : i + n] == filler:
                    length = n
            for phrase, rule in self._situations:
                n = len(phrase)
                wins = n > length or (n == length and (number < 0 or rule < number))
                if wins and found[i : i + n] == phrase:
                    length, number = n, rule
            if length:
                spans[i] = (length, number)
            i += max(length, 1)
        return spans

    def _stop_word_typo(self, word: str, term: str) -> bool:
        """Whether a very short word that nothing knows is a typo of a stop word ("wat", "cn", "hw"):
        it is dropped like one, never taken as content nor named as missing, even if it is also one
        letter from a content word ("wat": "wait", "vat"). Stop words are the most frequent words
        of a language, so the likeliest reading; a longer word is rarely one letter from one by chance."""
        if len(word) > self.ranking["stopTypoMaxLength"] or self.language.code in CJK or word in self._common_words:
            return False
        if term in self._term_numbers or self._is_trigger(term, term):
            return False
        return any(v in self._stop_words for v in one_edit_variants(word))

    def _typos(self, word: str, term: str) -> tuple[str, ...]:
        """Index (or synonym) terms of the words one edit away from ``word`` as typed, only for a
        word of typoMinLength letters or more that nothing knows and that is not a common word
        (realwords.py: "boots" is no typo of "blots"). Editing the word rather than
        its stem matters: "chnage" stems to "chnage", two edits from "chang", the stem of "change"."""
        if len(word) < self.ranking["typoMinLength"] or self.language.code in CJK:
            return ()  # a CJK "word" is a bigram: one character off is another word
        if term in self._term_numbers or self._is_trigger(term, term) or word in self._common_words:
            return ()
        # A variant that is a stop word never becomes content ("cn" is not "on", the stem of "one"); a
        # short word is corrected into the index's own words only, not into the lexicon's ("oder" is
        # "order", not "odor").
        found = {self.language.term(v) for v in one_edit_variants(word) if v not in self._stop_words}
        short = len(word) <= self.ranking["typoShortLength"]
        return tuple(sorted(t for t in found if t != term and (
            t in self._term_numbers or (not short and self._is_trigger(t, term)))))

    def _is_trigger(self, candidate: str, term: str) -> bool:
        """Whether ``candidate`` is a term of a synonym or lexicon trigger phrase. The lexicon's
        count only in the part of ``term``, always fetched for the word: so a typo reaches the same
        phrases whatever parts earlier queries fetched (a typo in the first letters reaches none)."""
        if candidate in self._synonym_terms:
            return True
        return self._key(candidate) == self._key(term) and candidate in self._lexicon_terms

    # -- the lexicon, by parts -------------------------------------------------------------------

    def lexicon_keys(self, query: str, typos: bool) -> list[str]:
        """The lexicon parts a query needs that are not loaded yet: first those of its words
        and their terms (fillers, rules, trigger terms), then, with ``typos`` (once those are
        loaded), those of the terms its long unknown words' typos reach."""
        found = self.language.words(query)
        keys = {self._key(w) for w in found}
        for word in found:
            if word not in self._stop_words:
                term = self.language.term(word)
                keys.add(self._key(term))
                if typos:
                    keys.update(self._key(t) for t in self._typos(word, term))
        return sorted(k for k in keys if k in self._lexicon_parts and k not in self._loaded_parts)

    def _key(self, word: str) -> str:
        return word[: self._key_length]

    def add_lexicon_part(self, key: str, part: dict[str, Any]) -> None:
        """Merge one lexicon-X.json into the rules, fillers and trigger terms, rules in their order."""
        self._loaded_parts.add(key)
        for number, say, mean, *situations in part.get("rules", []):
            said = [p.split(" ") for p in say]
            if situations:  # matched on the words as typed, then stands for the rule as term "#N"
                said.append([f"#{number}"])
                known = {(tuple(w), n) for w, n in self._situations}
                self._situations.extend((p.split(" "), number) for p in situations[0]
                                        if (tuple(p.split(" ")), number) not in known)
            self._lexicon_rules[number] = Rule(said, [p.split(" ") for p in mean], self.ranking["lexicon"],
                                               self.ranking["lexiconDecay"])
        self._fillers.extend(f.split(" ") for f in part.get("fillers", []))
        self._lexicon_terms.update(part.get("terms", []))
        self._common_words.update(part.get("words", []))
        self.rules = self._synonyms + [self._lexicon_rules[n] for n in sorted(self._lexicon_rules)]

    def _load_lexicon(self, query: str) -> None:
        for typos in (False, True):
            for key in self.lexicon_keys(query, typos):
                self.add_lexicon_part(key, self._load(f"lexicon-{key}.json"))

    def _part(self, token: _Token) -> Part:
        """The index terms that count for one word, with their weights."""
        r = self.ranking
        part: Part = {}
        if token.content:  # a situation: its own words count, below what it means
            return {t: r["situationWords"] for t in token.content if t in self._term_numbers}
        known = token.term in self._term_numbers
        if known:
            part[token.term] = 1.0
        weight = r["prefix"] if token.open else r["stemPrefix"]
        min_length = r["prefixMinLength"] if token.open else r["stemPrefixMinLength"]
        if len(token.term) >= min_length:
            for t in self._starting_with(token.term):
                _add(part, t, weight)
            if not known:
                shorter = self._longest_known_prefix(token.term)
                if shorter:
                    _add(part, shorter, weight)
        for t in token.typos:
            if t in self._term_numbers:
                _add(part, t, r["typo"])
        return part

    def _starting_with(self, prefix: str) -> list[str]:
        found: list[str] = []
        limit = self.ranking["maxExpansions"]
        i = bisect_left(self.terms, prefix)
        while i < len(self.terms) and self.terms[i].startswith(prefix) and len(found) < limit:
            if self.terms[i] != prefix:
                found.append(self.terms[i])
            i += 1
        return found

    def _longest_known_prefix(self, term: str) -> str | None:
        """The longest index term that begins ``term``, at most 4 letters shorter ("shipp": "ship")."""
        for length in range(len(term) - 1, max(4, len(term) - 4) - 1, -1):
            if term[:length] in self._term_numbers:
                return term[:length]
        return None

    def _synonym_match(self, tokens: list[_Token], i: int) -> tuple[int, list[tuple[list[str], float]]]:
        """The longest trigger phrase of any rule at token ``i``, and the target phrases of the
        rule(s) it triggers with their weight: the rule's, times ``typo`` if the phrase was
        matched through a typo. The store's synonyms come first, so a phrase they share with
        the lexicon keeps the store's weight."""
        best = 0
        found: list[tuple[Rule, list[str]]] = []
        for rule in self.rules:
            for phrase in rule.triggers:
                n = len(phrase)
                if n >= best and i + n <= len(tokens) and all(
                    _matches(tokens[i + k], phrase[k]) for k in range(n)
                ):
                    if n > best:
                        best, found = n, []
                    found.append((rule, phrase))
        others: list[tuple[list[str], float]] = []
        for rule, phrase in found:
            exact = all(tokens[i + k].term == phrase[k] for k in range(len(phrase)))
            weight = rule.weight * (1.0 if exact else self.ranking["typo"])
            for other in rule.targets:
                if other != phrase and all(other != known for known, _ in others):
                    others.append((other, weight))
                weight = weight * rule.decay
        return best, others

    # -- scoring -----------------------------------------------------------------------------------

    def _known(self, clause: Clause) -> bool:
        return any(t in self._term_numbers for a in clause.alternatives for p in a.parts for t in p)

    def _score(self, matches: list[dict[int, float]], weights: list[int]) -> tuple[dict[int, float], dict[int, int]]:
        """Each document's score, and the specificity it covers (for the confidence)."""
        total: dict[int, float] = {}
        covered: dict[int, int] = {}
        for best, weight in zip(matches, weights, strict=True):
            for doc, value in best.items():
                total[doc] = total.get(doc, 0.0) + value
                covered[doc] = covered.get(doc, 0) + weight
        whole = sum(weights)
        final: dict[int, float] = {}
        for doc, value in total.items():
            share = covered[doc] / whole
            factor = 1.0
            for _ in range(int(self.ranking["coordination"])):
                factor *= share
            final[doc] = value * factor
        return final, covered

    def _clause_scores(self, clause: Clause) -> dict[int, float]:
        """Each document's best alternative. A synonym or lexicon phrase stands for the words typed
        and is weighed below them: it never scores above ``weight`` times the best score of a
        document that holds all the words typed (when one does), so a rarer synonym ("purchase"
        for "order") cannot put its article above the articles of the word the shopper chose. A
        situation ("paid but nothing came") is the exception: its words say little alone."""
        best: dict[int, float] = {}
        span = len(clause.words)
        typed = 0.0  # the best score of a document that holds every word typed
        for number, alternative in enumerate(clause.alternatives):
            count = len(alternative.parts)
            sums: dict[int, list[float]] = {}
            for part in alternative.parts:
                for doc, value in self._part_scores(part).items():
                    acc = sums.setdefault(doc, [0.0, 0.0])
                    acc[0] += value
                    acc[1] += 1
            scale = alternative.weight * span / count
            cap = alternative.weight * typed
            for doc, (total, present) in sums.items():
                if alternative.whole and present < count:
                    continue
                value = scale * total * present / count
                if number > 0 and typed > 0 and value > cap and not clause.situation:
                    value = cap
                if value > best.get(doc, 0.0):
                    best[doc] = value
                if number == 0 and present == count and value > typed:
                    typed = value
        return best

    def _part_scores(self, part: Part) -> dict[int, float]:
        best: dict[int, float] = {}
        for term, weight in part.items():
            for doc, score in self._postings(term):
                value = weight * score
                if value > best.get(doc, 0.0):
                    best[doc] = value
        return best

    # -- index files --------------------------------------------------------------------------------

    def _postings(self, term: str) -> list[tuple[int, int]]:
        number = self._term_numbers.get(term)
        if number is None:
            return []
        shard = bisect_left(self._shard_starts, number + 1) - 1
        if shard not in self._shards:
            self._shards[shard] = self._load(f"terms-{shard}.json")
        flat = self._shards[shard][number - self._shard_starts[shard]]
        found, doc = [], 0
        for k in range(0, len(flat), 2):
            doc += flat[k]
            found.append((doc, flat[k + 1]))
        return found

    def _result(self, doc: int, score: float) -> SearchResult:
        chunk = doc // self._chunk
        if chunk not in self._chunks:
            self._chunks[chunk] = self._load(f"docs-{chunk}.json")
        row = self._chunks[chunk][doc % self._chunk]
        return SearchResult(row[0], row[1], row[2], row[3], row[4], score)

    def _load(self, name: str) -> Any:
        self.files_read.append(name)
        return json.loads(self._read(name))


def _synonym_rules(manifest: dict[str, Any], ranking: dict[str, float]) -> list[Rule]:
    """The store's synonym groups (each phrase stands for the others); the lexicon's rules (its
    ``say`` phrases also search for its ``mean`` ones, lower) come after them, part by part."""
    rules = []
    for group in manifest["synonyms"]:
        phrases = [p.split(" ") for p in group]
        rules.append(Rule(phrases, phrases, ranking["synonym"]))
    return rules


def _add(part: Part, term: str, weight: float) -> None:
    if weight > part.get(term, 0.0):
        part[term] = weight


def _matches(token: _Token, phrase_term: str) -> bool:
    """A query word stands for a synonym phrase's term if it is that term, or a typo of it."""
    return token.term == phrase_term or phrase_term in token.typos

