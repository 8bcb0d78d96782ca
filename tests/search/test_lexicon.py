"""The shopping lexicon shipped with the generator: valid, general, applied below the store's words."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import pytest
import yaml

from generator.config.project import project_from_settings
from generator.errors import ConfigError, ContentError
from generator.reading.loading import load_helpcenter
from generator.reading.model import Category, HelpCenter, Question
from generator.reading.schema import schema_problems
from generator.search import SearchIndex, build_search_files, shopping_lexicon, site_lexicon
from generator.search.builder import lexicon_parts, lexicon_terms
from generator.search.lexicon import FILES, Lexicon, parse_lexicon, read_store_lexicon
from generator.search.text import STOP_WORDS, words
from tests.conftest import STORE


def lexicon_file(name: str) -> dict[str, object]:
    text = resources.files("generator.search.lexicon").joinpath(name).read_text("utf-8")
    data: dict[str, object] = yaml.safe_load(text)
    return data


@pytest.mark.parametrize("name", [name for names in FILES.values() for name in names])
def test_every_lexicon_file_is_valid(name: str) -> None:
    assert list(schema_problems("lexicon", lexicon_file(name))) == []


def test_the_store_lexicon_is_valid_and_the_general_one_names_no_bag() -> None:
    own = read_store_lexicon(STORE / "content" / "search" / "lexicon.yml", "en")
    assert own is not None and own.rules
    general = " ".join(" ".join(lexicon_file(name).get(k, []) or [])  # type: ignore[arg-type]
                       for names in FILES.values() for name in names for k in ("fillers", "same", "mean"))
    for word in ("bag", "dust bag", "dustbag", "leather care", "handbag", "purse", "tote", "strap"):
        assert f" {word} " not in f" {general.replace(',', ' ')} ", word


def test_a_broken_store_lexicon_says_where(tmp_path: Path) -> None:
    path = tmp_path / "lexicon.yml"
    path.write_text("same:\n  - parcel, package\nmean:\n  - courier delivery\n", "utf-8")
    with pytest.raises(ContentError) as caught:
        read_store_lexicon(path, "en")
    [problem] = caught.value.problems
    assert problem.line == 4 and "mean" in str(problem)


def test_the_store_lexicon_comes_after_the_general_one(tmp_path: Path) -> None:
    path = tmp_path / "lexicon.yml"
    path.write_text("mean:\n  - zorbing => returns\n", "utf-8")
    lexicon = site_lexicon(True, "en", path)
    assert lexicon.rules[-1] == (["zorbing"], ["returns"])
    assert lexicon.rules[:-1] == shopping_lexicon("en").rules
    assert site_lexicon(False, "en", path).rules == []


def test_french_has_its_own_lexicon_and_english_rules_stay_out_of_a_french_index() -> None:
    french = shopping_lexicon("fr")
    assert french.language == "fr" and "bonjour" in french.fillers and french.rules
    assert shopping_lexicon("sv").rules == []  # no lexicon in that language yet


@pytest.mark.parametrize(("data", "problem"), [
    ({"same": ["parcel"]}, "same item 1"),  # one word is no group
    ({"mean": ["courier delivery"]}, "mean item 1"),  # no "=>"
    ({"fillers": ["Hello!"]}, "fillers item 1"),  # written as a query's words are: lower case, no punctuation
    ({"synonyms": ["a, b"]}, "synonyms"),  # not a section of the lexicon
])
def test_a_broken_lexicon_is_refused_with_the_field(data: dict[str, object], problem: str) -> None:
    from generator.reading.fieldnames import editor_field
    assert problem in [editor_field(path) for path, _, _ in schema_problems("lexicon", data)]


def test_the_shipped_lexicon_is_general_not_one_stores() -> None:
    lexicon = shopping_lexicon()
    phrases = {p for said, meant in lexicon.rules for p in said + meant} | set(lexicon.fillers)
    store_words = set(words(" ".join(p.read_text("utf-8") for p in (STORE / "content" / "faq").glob("*.yml"))))
    assert "kseworks" in store_words and not any("kseworks" in p for p in phrases)
    topics = {"order", "payment", "delivery", "customs", "return", "exchange", "refund", "password", "clean"}
    assert topics <= {w for said, meant in lexicon.rules for p in meant for w in words(p)}


def test_fillers_are_not_topics_and_phrases_are_not_fillers() -> None:
    lexicon = shopping_lexicon()
    fillers = {f for f in lexicon.fillers if " " not in f}
    meant = {w for _, targets in lexicon.rules for p in targets for w in words(p)}
    assert not fillers & meant, fillers & meant  # a topic word never vanishes from a query


def test_mean_rules_go_one_way_and_same_lines_both_ways() -> None:
    lexicon = parse_lexicon({"same": ["colour, color"], "mean": ["courier, postman => delivery"]})
    assert lexicon.rules == [(["colour", "color"], ["colour", "color"]), (["courier", "postman"], ["delivery"])]


def test_the_manifest_keeps_only_rules_that_can_reach_the_index() -> None:
    lexicon = Lexicon(["i was wondering", "want"], [
        (["courier", "postman"], ["delivery", "unicorn"]),  # 'unicorn' is in no article
        (["gift card"], ["voucher"]),  # nothing to reach
        (["dont want", "no longer needed"], ["return"]),  # a filler in 'dont want'
        (["other colour"], ["exchange"]),  # 'other' is a stop word: not a rule for every 'colour'
    ])
    rules = lexicon_terms(lexicon, {"deliveri", "return", "exchang"})
    # a phrase with a filler or a stop word in it is a situation, matched on the words as typed
    assert rules == [[["courier", "postman"], ["deliveri"], []], [["longer need"], ["return"], ["dont want"]],
                     [[], ["exchang"], ["other colour"]]]


def helpcenter(answer: str) -> HelpCenter:
    question = Question("late", "Where is my parcel?", answer, "shipping", keywords=["tracking"])
    other = Question("refund", "How long does a refund take?", "Ten days.", "returns")
    return HelpCenter([Category("shipping", "Shipping", "", 1, [question]),
                       Category("returns", "Returns", "", 2, [other])], [], [["parcel", "package"]])


def test_the_lexicon_finds_an_article_in_the_shoppers_words() -> None:
    content = helpcenter("Parcels are handed to the carrier within two days; follow the tracking link.")
    without = SearchIndex.from_files(build_search_files(content))
    with_lexicon = SearchIndex.from_files(build_search_files(content, shopping_lexicon()))
    assert without.search("the postman never came").results == []
    assert [r.id for r in with_lexicon.search("the postman never came").results][:1] == ["late"]


def test_the_lexicon_weighs_below_the_stores_synonyms() -> None:
    files = build_search_files(helpcenter("Tracking."), shopping_lexicon())
    manifest = json.loads(files["assets/search/index.json"])
    assert manifest["ranking"]["lexicon"] < manifest["ranking"]["synonym"]
    assert manifest["synonyms"] == [["parcel", "packag"]]  # the store's own, first
    assert manifest["lexicon"]["language"] == "en"
    parts = [json.loads(files[f"assets/search/lexicon-{key}.json"]) for key in manifest["lexicon"]["parts"].split()]
    fillers = [f for part in parts for f in part.get("fillers", [])]
    assert "i was wonder" not in fillers  # fillers are words, not stems
    assert "i was wondering" in fillers
    assert not STOP_WORDS & set(fillers)  # stop words are the index's own list


def test_the_lexicon_comes_in_parts_by_first_letter_not_with_the_page() -> None:
    lexicon = Lexicon(["i was wondering", "pls"], [
        (["courier", "postman"], ["delivery"]),
        (["colour", "color"], ["colour", "color"]),
    ])
    parts = lexicon_parts(lexicon, {"deliveri", "colour"})
    assert sorted(parts) == ["co", "i", "pl", "po"]
    assert parts["i"] == {"fillers": ["i was wondering"]} and parts["pl"] == {"fillers": ["pls"]}
    # a rule is in the part of each of its trigger phrases, numbered to keep its place
    assert parts["co"]["rules"] == [[0, ["courier", "postman"], ["deliveri"]], [1, ["colour", "color"], ["colour"]]]
    assert parts["po"]["rules"] == [[0, ["courier", "postman"], ["deliveri"]]]
    # trigger terms the index lacks (a typo may reach them), not those it has
    assert parts["co"]["terms"] == ["color", "courier"] and parts["po"]["terms"] == ["postman"]


def test_a_query_fetches_only_the_lexicon_parts_of_its_words() -> None:
    files = build_search_files(helpcenter("Parcels go to the carrier; follow the tracking link."), shopping_lexicon())
    index = SearchIndex.from_files(files)
    index.search("hi, the postman never came")
    assert sorted(f for f in index.files_read if f.startswith("lexicon-")) == [
        f"lexicon-{k}.json" for k in ("ca", "hi", "ne", "po", "th") if f"assets/search/lexicon-{k}.json" in files]
    assert "fillers" not in json.loads(files["assets/search/index.json"])


def test_parts_fetched_for_earlier_queries_change_no_ranking() -> None:
    files = build_search_files(load_helpcenter(STORE / "content"), shopping_lexicon())
    expectations = yaml.safe_load((STORE / "content/search/expectations.yml").read_text("utf-8"))
    queries = [q["query"] for q in expectations["queries"]]
    warm = SearchIndex.from_files(files)
    for query in queries:
        warm.search(query)
    for query in queries:
        fresh, again = SearchIndex.from_files(files).search(query), warm.search(query)
        assert [(r.id, r.score) for r in again.results] == [(r.id, r.score) for r in fresh.results], query
        assert (again.missing, again.confidence) == (fresh.missing, fresh.confidence), query


def settings(option: object) -> dict[str, object]:
    return {"site_url": "https://help.example.com/", "extra": {"store": {"url": "https://shop.example.com"}},
            "plugins": [{"helpcenter": {"shopping_lexicon": option}}]}


def test_mkdocs_yml_switches_the_lexicon_off(tmp_path: Path) -> None:
    assert project_from_settings(tmp_path / "mkdocs.yml", settings(False), {}).shopping_lexicon is False
    assert project_from_settings(tmp_path / "mkdocs.yml", settings(True), {}).shopping_lexicon


def test_switched_off_the_lexicon_keeps_its_fillers() -> None:
    off = site_lexicon(False)
    assert off.rules == [] and off.fillers == shopping_lexicon().fillers
    assert site_lexicon(True) == shopping_lexicon()


def test_a_wrong_switch_says_how_to_write_it(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="shopping_lexicon: must be true or false"):
        project_from_settings(tmp_path / "mkdocs.yml", settings("no"), {})


def test_a_typo_reaches_the_lexicon_alike_whatever_parts_were_fetched_before() -> None:
    files = build_search_files(helpcenter("Parcels go to the carrier; follow the tracking link."), shopping_lexicon())
    warm = SearchIndex.from_files(files)
    warm.search("the postman never came")  # fetches the part of "postman"
    for typo in ("oostman never came", "pstman never came", "postmn never came"):
        fresh, again = SearchIndex.from_files(files).search(typo), warm.search(typo)
        assert [(r.id, r.score) for r in again.results] == [(r.id, r.score) for r in fresh.results], typo
    # a typo after the part's letters still reaches the phrase
    assert [r.id for r in SearchIndex.from_files(files).search("the postmn never came").results][:1] == ["late"]
