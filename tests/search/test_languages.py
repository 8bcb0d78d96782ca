"""Word rules per language (generator/search/languages.py): Snowball in Python and in the browser
alike, stop words, accents, CJK bigrams; English left as it was."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import snowballstemmer  # type: ignore[import-untyped]

from generator.config.project import load_project
from generator.search import SearchIndex, build_search_files
from generator.search.languages import STEMMER_SCRIPTS, index_languages, unused_stemmer_files, word_rules
from generator.search.lexicon import parse_lexicon
from generator.search.project_index import locale_index, project_locale
from generator.search.text import terms
from tests.conftest import EXAMPLES, STORE
from tests.search.helpers import helpcenter_from, load_language_vectors, node, run_node, write_files

ROOT = Path(__file__).parents[2]
FRENCH = next(s for s in load_language_vectors()["sets"] if s["language"] == "fr")
# Endings French words take, so that the list holds plurals, feminines and verb forms the content lacks.
ENDINGS = ["s", "e", "es", "er", "é", "ée", "ées", "és", "ez", "ons", "ent", "ait", "aient", "ant", "ement",
           "ation", "ations", "eur", "euse", "ité", "ique", "iques", "able", "issement", "erait", "èrent"]


def french_words() -> list[str]:
    """Every word of the reference store's French content, with endings added: a few thousand."""
    fr = word_rules("fr")
    found: set[str] = set()
    for path in sorted((STORE / "content" / "fr").rglob("*")):
        if path.is_file() and path.suffix in {".md", ".yml", ".yaml"}:
            found.update(w for w in fr.words(path.read_text(encoding="utf-8")) if not w.isdigit())
    found.update(w for v in FRENCH["vectors"] for w in fr.words(v["query"]))
    base = sorted(w for w in found if len(w) > 3)
    found.update(w + e for w in base[:400] for e in ENDINGS)
    return sorted(found)


def test_the_french_word_list_is_big_enough() -> None:
    assert len(french_words()) > 2000


@pytest.mark.skipif(node() is None, reason="node is not installed")
def test_snowball_in_javascript_stems_exactly_like_the_python_package(tmp_path: Path) -> None:
    words = french_words()
    files = build_search_files(helpcenter_from(FRENCH["content"]), None, language="fr")
    answer = run_node(write_files(files, tmp_path / "site"), tmp_path, words=words)
    stemmer = snowballstemmer.stemmer("french")
    fr = word_rules("fr")
    assert answer["raw"] == {w: stemmer.stemWord(w) for w in words}
    assert answer["stems"] == {w: fr.term(w) for w in words}


def test_french_stems_with_accents_then_folds_them() -> None:
    fr = word_rules("fr")
    assert fr.terms("livraisons livrée livrer") == ["livraison", "livr", "livr"]
    assert fr.term("livrée") == fr.term("livrer") == "livr"
    assert fr.term("Étiquette".lower()) == fr.term("etiquette")
    assert fr.terms("Les droits de l'entrepôt") == ["droit", "entrepot"]  # stop words, elision, accents


def test_cjk_runs_become_bigrams_and_latin_words_stay_words() -> None:
    ja = word_rules("ja")
    assert ja.words("追跡番号") == ["追跡", "跡番", "番号"]
    assert ja.words("革") == ["革"]
    assert ja.words("PayPalでのお支払い") == ["paypal", "での", "のお", "お支", "支払", "払い"]
    assert ja.words("ｶﾀｶﾅ、カフェ") == ["カタ", "タカ", "カナ", "カフ", "フェ"]  # NFKC: half-width kana
    assert word_rules("ko").words("배송 조회") == ["배송", "조회"]
    assert word_rules("zh").words("退货政策") == ["退货", "货政", "政策"]


@pytest.mark.parametrize("text", ["Parcels don't arrive", "customs duties", "what's the café's refund?"])
def test_english_keeps_its_own_rules(text: str) -> None:
    assert word_rules("en").terms(text) == terms(text)
    assert word_rules("en-GB") == word_rules("en")


def test_the_manifest_names_the_language_and_drops_the_english_lexicon() -> None:
    lexicon = parse_lexicon({"fillers": ["hi"], "mean": ["courier => livraison"]})
    files = build_search_files(helpcenter_from(FRENCH["content"]), lexicon, language="fr")
    index = SearchIndex.from_files(files)
    assert index.language.code == "fr"
    parts = [json.loads(data) for name, data in files.items() if "lexicon-" in name]
    assert all(set(part) == {"words"} for part in parts)  # French common words only, no English rule
    assert json.loads(files["assets/search/index.json"])["lexicon"]["language"] == "fr"
    french = build_search_files(helpcenter_from(FRENCH["content"]), parse_lexicon(
        {"fillers": ["bonjour"], "mean": ["colis perdu => livraison"]}, "fr"), language="fr")
    assert any("rules" in json.loads(data) for name, data in french.items() if "lexicon-" in name)
    english = SearchIndex.from_files(build_search_files(helpcenter_from(FRENCH["content"]), lexicon))
    assert english.language.code == "en"
    assert index.search("livraisons").results  # Snowball's stems: English's Porter would find less


def test_a_site_publishes_only_the_stemmers_of_its_indexes_languages() -> None:
    english = build_search_files(helpcenter_from(FRENCH["content"]))
    french = build_search_files(helpcenter_from(FRENCH["content"]), language="fr")
    assert index_languages(english) == {"en"}
    assert index_languages({**english, **{"fr/" + k: v for k, v in french.items()}}) == {"en", "fr"}
    theme = ROOT / "theme" / STEMMER_SCRIPTS
    published = {STEMMER_SCRIPTS + p.name for p in theme.iterdir()}
    assert published - set(unused_stemmer_files({"en"})) == set()
    assert published - set(unused_stemmer_files({"en", "fr", "ja"})) == {
        STEMMER_SCRIPTS + "base-stemmer.js", STEMMER_SCRIPTS + "french-stemmer.js", STEMMER_SCRIPTS + "COPYING"}


def test_the_javascript_and_the_python_package_come_from_the_same_snowball() -> None:
    """Each generated file names the Snowball that generated it: an upgrade of one side alone fails here."""
    python = Path(snowballstemmer.__file__).parent / "french_stemmer.py"
    javascript = ROOT / "theme" / STEMMER_SCRIPTS / "french-stemmer.js"
    pattern = re.compile(r"Generated from french\.sbl by Snowball (\S+)")
    versions = {pattern.search(p.read_text(encoding="utf-8")[:300]).group(1) for p in (python, javascript)}  # type: ignore[union-attr]
    assert versions == {"3.0.1"}


def test_a_language_without_a_snowball_stemmer_is_searched_unstemmed_with_a_warning(
        caplog: pytest.LogCaptureFixture) -> None:
    word_rules.cache_clear()
    with caplog.at_level("WARNING", logger="mkdocs.plugins.helpcenter"):
        vietnamese = word_rules("vi")
    assert "no stemmer for language 'vi'" in caplog.text and "another form of a word" in caplog.text
    assert vietnamese.terms("Hoàn tiền") == ["hoan", "tien"]  # folded, not stemmed
    files = build_search_files(helpcenter_from(FRENCH["content"]), language="vi")
    assert json.loads(files["assets/search/index.json"])["stemmer"] is None
    with pytest.raises(ValueError, match="not a language code"):
        word_rules("english please")


@pytest.mark.parametrize("code", ["de", "es", "fr", "it", "nl", "pt"])
def test_each_ui_language_snowball_stems_has_its_stop_list(code: str) -> None:
    stop = word_rules(code).stop_words
    assert len(stop) > 90 and {"de", "die", "el", "il", "het", "o"} & stop  # its articles, at least
    assert word_rules("sv").stop_words == frozenset()  # a language without a list keeps every word


GERMAN_FUNCTION_WORDS = {"auch", "ihr", "kann", "ich", "mit", "es", "bis", "mein", "die", "nach", "habe", "was"}


@pytest.mark.parametrize(("query", "missing"), [
    ("verkauft ihr auch Schuhe", ["schuhe"]),  # "auch" (also) is no typo of "Tuch"
    ("kann ich mit Bitcoin bezahlen", ["bitcoin", "bezahlen"]),
    ("wie lange dauert es, bis ich mein Geld zurückbekomme", ["geld", "zurückbekomme"]),
])
def test_a_german_stop_word_is_never_content_nor_named_as_missing(query: str, missing: list[str]) -> None:
    project = load_project(EXAMPLES / "languages" / "mkdocs.yml")
    found = locale_index(project, project_locale(project, "de")).search(query)
    assert not {w for c in found.clauses if not c.situation for w in c.words} & GERMAN_FUNCTION_WORDS
    assert found.missing == missing


def test_a_german_question_the_help_center_cannot_answer_gets_no_answer_from_its_function_words() -> None:
    """"kann ich" matched "Kann ich meine Bestellung ändern?": without a stop list, a confident wrong answer."""
    project = load_project(EXAMPLES / "languages" / "mkdocs.yml")
    assert locale_index(project, project_locale(project, "de")).search("kann ich mit Bitcoin bezahlen").confidence \
        == "none"
