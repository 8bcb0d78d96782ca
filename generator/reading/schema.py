"""Validate content data against the JSON Schemas and word each failure for an editor.

The schemas in ``generator/reading/schemas/`` are the single source of truth for the content format:
editors' editors read them through the ``yaml-language-server`` comment, and this module reads
the very same files. Messages are rewritten from jsonschema's wording into what an editor needs:
the field, what is wrong, and how to fix it.
"""

from __future__ import annotations

import copy
import difflib
import json
from collections.abc import Callable, Iterator
from functools import cache
from importlib import resources
from typing import Any

import fastjsonschema
import jsonschema
from jsonschema.exceptions import ValidationError

from generator.reading.yamlsource import PathKey

SCHEMA_NAMES = ("faq", "care", "synonyms", "expectations")
_FORMAT_CHECKER = jsonschema.Draft202012Validator.FORMAT_CHECKER
_TYPE_WORDS = {"string": "text", "integer": "a whole number", "array": "a list", "object": "a mapping",
               "boolean": "true or false", "number": "a number", "null": "empty"}


@cache
def load_schema(name: str) -> dict[str, Any]:
    text = resources.files("generator.reading.schemas").joinpath(f"{name}.schema.json").read_text("utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


@cache
def field_groups(name: str) -> tuple[frozenset[str], ...]:
    """The field names of each mapping the schema describes (``category``'s, a question's, …)."""
    groups: list[frozenset[str]] = []
    stack: list[Any] = [load_schema(name)]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            if isinstance(node.get("properties"), dict):
                groups.append(frozenset(node["properties"]))
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    return tuple(groups)


def schema_problems(name: str, data: Any) -> Iterator[tuple[PathKey, bool, str]]:
    """Yield (path, at_key, message) for each way ``data`` breaks schema ``name``.

    Valid content (nearly every file of nearly every build) is recognised by a compiled validator,
    much faster than jsonschema (benchmarks/README.md); jsonschema, which says
    where and why, runs only when that one rejects the data.
    """
    if passes_compiled_schema(name, data):
        return
    validator = _validator(name)
    for error in sorted(validator.iter_errors(data), key=lambda e: [str(p) for p in e.absolute_path]):
        yield from _explain(error)


@cache
def _validator(name: str) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(load_schema(name), format_checker=_FORMAT_CHECKER)


def passes_compiled_schema(name: str, data: Any) -> bool:
    """True when fastjsonschema's compiled validator accepts ``data``; False when it rejects it
    or cannot compile the schema (then jsonschema alone decides)."""
    validate = _compiled(name)
    if validate is None:
        return False
    try:
        validate(data)
    except fastjsonschema.JsonSchemaException:
        return False
    return True


@cache
def _compiled(name: str) -> Callable[[Any], Any] | None:
    # fastjsonschema knows drafts 4 to 7; the keywords these schemas use mean the same in draft 7
    # as in 2020-12 ($defs is reached by a plain JSON pointer). Dates are checked by jsonschema's own
    # format checker, so both validators mean the same by "date".
    # fastjsonschema rewrites every $ref in place: give it a copy, so the shared schema stays as written.
    schema = {**copy.deepcopy(load_schema(name)), "$schema": "http://json-schema.org/draft-07/schema#"}
    formats = {"date": lambda value: _FORMAT_CHECKER.conforms(value, "date")}
    try:
        return fastjsonschema.compile(schema, formats=formats)
    except fastjsonschema.JsonSchemaDefinitionException:
        return None


def _explain(error: ValidationError) -> Iterator[tuple[PathKey, bool, str]]:
    path: PathKey = tuple(error.absolute_path)
    kind, schema = error.validator, error.schema if isinstance(error.schema, dict) else {}
    if kind == "additionalProperties":
        known = sorted(schema.get("properties", {}))
        instance: dict[str, Any] = error.instance if isinstance(error.instance, dict) else {}
        for key in sorted(set(instance) - set(known)):
            yield (*path, key), True, _unknown_key(key, known)
    elif kind == "required":
        missing = error.message.split("'")[1]  # jsonschema words it "'answer' is a required property"
        if not _misspelt_as(missing, error.instance, schema):
            yield path, False, f"missing required field '{missing}'"
    else:
        yield path, False, _describe(kind, error, path)


def _misspelt_as(missing: str, instance: Any, schema: dict[str, Any]) -> bool:
    """True when an unknown key is reported as this missing field misspelt ('anwser'): one mistake, one message."""
    known = sorted(schema.get("properties", {}))
    unknown = set(instance) - set(known) if isinstance(instance, dict) else set()
    return any(difflib.get_close_matches(key, known, n=1, cutoff=0.6) == [missing] for key in unknown)


def _unknown_key(key: str, known: list[str]) -> str:
    close = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
    hint = f" — did you mean '{close[0]}'?" if close else f"; allowed keys: {', '.join(known)}"
    return f"unknown key '{key}'{hint}"


def _describe(kind: Any, error: ValidationError, path: PathKey) -> str:
    value, last = error.instance, (path[-1] if path else "")
    if kind == "type":
        expected = error.validator_value if isinstance(error.validator_value, str) else "string"
        return f"must be {_TYPE_WORDS.get(expected, expected)}, not {_type_of(value)}"
    if kind == "enum":
        allowed = error.validator_value if isinstance(error.validator_value, list) else []
        options = [str(o) for o in allowed]
        close = difflib.get_close_matches(str(value), options, n=1)
        hint = f" — did you mean '{close[0]}'?" if close else ""
        if "widgets" in path:
            return f"unknown widget '{value}'{hint} (known widgets: {', '.join(options)})"
        return f"'{value}' is not one of the allowed values{hint} ({', '.join(options)})"
    if kind == "pattern":
        return _pattern_message(last, path, value)
    if kind == "format":
        return f"'{value}' is not a real date; write it as YYYY-MM-DD, e.g. 2026-11-26"
    if kind == "minLength":
        return "must not be empty"
    if kind == "maxLength":
        return f"is {len(str(value))} characters long; keep it to at most {error.validator_value}"
    if kind == "minItems":
        return "must list at least one item"
    if kind == "uniqueItems":
        return "lists the same value twice; remove the repeat"
    return error.message


def _pattern_message(last: str | int, path: PathKey, value: Any) -> str:
    if last == "question":
        return "a question must end with '?'"
    if last == "answer":
        return "the answer is empty; write the answer in Markdown"
    if last == "updated":
        return f"'{value}' is not a date; write it as YYYY-MM-DD, e.g. 2026-11-26"
    if last in ("expect", "nearby") or "also" in path or "nearby" in path:
        return (f"'{value}' is not an article: write a question or guide id, or '<guide>#<section>', "
                "e.g. 'washing-guide#drying'")
    if "synonyms" in path:
        return f"'{value}' needs two or more terms separated by commas, e.g. 'parcel, package'"
    return f"'{value}' is not a valid id; use lowercase words joined by hyphens, e.g. '{suggested_id(value)}'"


def suggested_id(value: Any) -> str:
    """'Order Status' -> 'order-status': the id an editor most likely meant."""
    return "-".join("".join(c if c.isalnum() else " " for c in str(value).lower()).split())


def _type_of(value: Any) -> str:
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return "true/false"
    names = {str: "text", int: "a number", float: "a number", list: "a list", dict: "a mapping"}
    return names.get(type(value), type(value).__name__)
