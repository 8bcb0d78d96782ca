"""The shopping lexicon: how shoppers word what every store's help center answers.

Two files beside this module, checked against ``generator/reading/schemas/lexicon.schema.json`` when read:
``shopping.yml`` (written by hand: conversational fillers, regional and spelling variants,
everyday phrasings of each topic) and ``wordnet.yml`` (equivalents derived from WordNet by
``scripts/derive_lexicon.py``). The search builder applies them below the store's own synonyms.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

import yaml

from generator.errors import HelpCenterError
from generator.reading.fieldnames import editor_field
from generator.reading.schema import schema_problems

FILES = ("shopping.yml", "wordnet.yml")


@dataclass(frozen=True)
class Lexicon:
    fillers: list[str] = field(default_factory=list)
    """Words and phrases a query loses first."""
    rules: list[tuple[list[str], list[str]]] = field(default_factory=list)
    """(phrases a shopper says, phrases they mean); a ``same`` line means itself both ways."""


def parse_lexicon(data: dict[str, Any]) -> Lexicon:
    """A lexicon from one file's data (already valid against the schema)."""
    rules: list[tuple[list[str], list[str]]] = []
    for line in data.get("same", []):
        phrases = _phrases(line)
        rules.append((phrases, phrases))
    for line in data.get("mean", []):
        said, meant = line.split(" => ")
        rules.append((_phrases(said), _phrases(meant)))
    return Lexicon(list(data.get("fillers", [])), rules)


@cache
def shopping_lexicon() -> Lexicon:
    """The lexicon shipped with the generator: every file of it, validated, merged."""
    fillers: list[str] = []
    rules: list[tuple[list[str], list[str]]] = []
    for name in FILES:
        text = resources.files(__name__).joinpath(name).read_text("utf-8")
        data = yaml.safe_load(text) or {}
        problems = [f"{editor_field(path) or '(top)'}: {message}"
                    for path, _, message in schema_problems("lexicon", data)]
        if problems:
            raise HelpCenterError(f"generator/search/lexicon/{name}: " + "; ".join(problems))
        part = parse_lexicon(data)
        fillers.extend(part.fillers)
        rules.extend(part.rules)
    return Lexicon(list(dict.fromkeys(fillers)), rules)


def site_lexicon(vocabulary: bool) -> Lexicon:
    """What a site's search applies: the whole shopping lexicon, or, with its vocabulary
    switched off in mkdocs.yml, only its fillers (they are part of ranking a sentence)."""
    lexicon = shopping_lexicon()
    return lexicon if vocabulary else Lexicon(lexicon.fillers, [])


def _phrases(line: str) -> list[str]:
    return [p.strip() for p in line.split(",") if p.strip()]
