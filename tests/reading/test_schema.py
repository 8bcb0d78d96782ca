"""The compiled schema check (fastjsonschema) is only a shortcut: it must never accept what jsonschema
rejects, or a content error would be published unreported. Checked on every example folder (the reference
store among them), on hand-picked edge cases and on a few hundred deterministic random mutations of them."""

from __future__ import annotations

import copy
import json
import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from generator.reading.schema import SCHEMA_NAMES, _compiled, _validator, load_schema, passes_compiled_schema
from generator.reading.yamlsource import YamlProblem, parse_yaml
from tests.conftest import EXAMPLES, TESTS


def jsonschema_accepts(name: str, data: Any) -> bool:
    return not any(True for _ in _validator(name).iter_errors(data))


def documents(root: Path) -> Iterator[tuple[str, Path, Any]]:
    """(schema name, file, data) for every content document under ``root`` that parses."""
    found = [("faq", p) for p in root.rglob("faq/*.yml")] + [("care", p) for p in root.rglob("care/*.md")]
    found += [("synonyms", p) for p in root.rglob("search/synonyms.yml")]
    for name, path in sorted(found):
        try:
            text = path.read_text("utf-8")
        except UnicodeDecodeError:
            continue
        if name == "care":
            if not text.startswith("---\n") or "\n---" not in text[4:]:
                continue
            text = text[4 : text.index("\n---", 4)]
        try:
            data, _ = parse_yaml(text)
        except YamlProblem:
            continue
        yield name, path, data


EVERY_DOCUMENT = list(documents(EXAMPLES))  # the reference store (examples/store) among them


def test_there_are_good_and_bad_documents_to_compare() -> None:
    verdicts = {jsonschema_accepts(name, data) for name, _, data in EVERY_DOCUMENT}
    assert verdicts == {True, False}
    assert len(EVERY_DOCUMENT) > 20


@pytest.mark.parametrize(("name", "path", "data"), EVERY_DOCUMENT, ids=[str(p.relative_to(TESTS)) for _, p, _ in
                                                                       EVERY_DOCUMENT])
def test_the_shortcut_agrees_with_jsonschema_on_every_example_document(name: str, path: Path, data: Any) -> None:
    assert passes_compiled_schema(name, data) == jsonschema_accepts(name, data)


def a_question() -> dict[str, Any]:
    data = next(d for n, _, d in EVERY_DOCUMENT if n == "faq" and jsonschema_accepts(n, d))
    return copy.deepcopy(data)


EDGE_VALUES: list[Any] = [True, False, None, 0, 1, 1.0, 2.5, -1, "", " ", "x", "2026-02-30", "2026-13-01",
                          "2026-1-01", "２０２６-01-01", "2026-01-01T00:00:00", [], [1], {}, {"a": 1}]


def mutations(data: Any, rng: random.Random, count: int) -> Iterator[Any]:
    """Copies of ``data`` with one value replaced, one key removed or one key added, somewhere."""
    for _ in range(count):
        mutated = copy.deepcopy(data)
        node, steps = mutated, rng.randint(1, 4)
        for _ in range(steps):
            children = list(node.items()) if isinstance(node, dict) else list(enumerate(node))
            containers = [(k, v) for k, v in children if isinstance(v, (dict, list)) and v]
            if not containers or rng.random() < 0.3:
                break
            _, node = rng.choice(containers)
        keys = list(node) if isinstance(node, dict) else list(range(len(node)))
        action = rng.choice(["replace", "remove", "add"])
        if action == "replace" and keys:
            node[rng.choice(keys)] = rng.choice(EDGE_VALUES)
        elif action == "remove" and keys:
            del node[rng.choice(keys)]
        elif isinstance(node, dict):
            node[rng.choice(["extra", "Question", "answr", "id", "updated"])] = rng.choice(EDGE_VALUES)
        else:
            node.append(rng.choice(EDGE_VALUES))
        yield mutated


@pytest.mark.parametrize("name", ["faq", "care", "synonyms"])
def test_the_shortcut_never_accepts_what_jsonschema_rejects(name: str) -> None:
    rng = random.Random(f"schema-fast-path-{name}")
    valid = [d for n, _, d in EVERY_DOCUMENT if n == name and jsonschema_accepts(n, d)]
    assert valid
    compared = rejected = 0
    for data in valid:
        for mutated in mutations(data, rng, 150):
            fast, slow = passes_compiled_schema(name, mutated), jsonschema_accepts(name, mutated)
            assert not (fast and not slow), f"compiled schema accepted what jsonschema rejects: {mutated!r}"
            compared += 1
            rejected += not slow
    assert rejected > compared / 4  # the mutations did break things


@pytest.mark.parametrize("value", EDGE_VALUES, ids=repr)
def test_edge_values_in_a_date_and_an_order(value: Any) -> None:
    data = a_question()
    for field in ("updated", "order"):
        if field == "updated":
            data["questions"][0]["updated"] = value
        else:
            data.setdefault("category", {})["order"] = value
        fast, slow = passes_compiled_schema("faq", data), jsonschema_accepts("faq", data)
        assert not (fast and not slow), (field, value)


@pytest.mark.parametrize("name", SCHEMA_NAMES)
def test_every_schema_compiles_so_the_shortcut_is_really_taken(name: str) -> None:
    assert _compiled(name) is not None
    assert isinstance(_validator(name), jsonschema.Draft202012Validator)  # and jsonschema words problems


def _enum_error(value: str) -> jsonschema.ValidationError:
    errors = list(jsonschema.Draft202012Validator({"enum": ["shopify", "woocommerce"]}).iter_errors(value))
    assert len(errors) == 1
    return errors[0]


def test_an_enum_failure_names_widgets_only_for_widgets() -> None:
    from generator.reading.schema import _describe

    assert _describe("enum", _enum_error("shopfy"), ("questions", 0, "widgets", 1)).startswith(
        "unknown widget 'shopfy' — did you mean 'shopify'?")
    other = _describe("enum", _enum_error("shopfy"), ("preset",))
    assert other == "'shopfy' is not one of the allowed values — did you mean 'shopify'? (shopify, woocommerce)"
    assert "widget" not in other


def test_compiling_leaves_the_shared_schema_as_written() -> None:
    """fastjsonschema rewrites $refs in place; the checker's other readers need the schema unchanged."""
    before = json.dumps(load_schema("faq"), sort_keys=True)
    _compiled.cache_clear()
    _compiled("faq")
    assert json.dumps(load_schema("faq"), sort_keys=True) == before
