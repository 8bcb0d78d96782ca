"""The shopping lexicon: how shoppers word what every store's help center answers.

Files beside this module, per language, checked against ``generator/reading/schemas/lexicon.schema.json``
when read: in English ``shopping.yml`` (written by hand: conversational fillers, regional and spelling
variants, everyday phrasings and situations of each topic) and ``wordnet.yml`` (equivalents derived
from WordNet by ``scripts/derive_lexicon.py``); in each other language the generator ships UI for,
its twin ``shopping-<language>.yml`` (French first; Japanese and Chinese unspaced). A store adds
its own words in the same format (``content/search/lexicon.yml``, ``content/<locale>/search/lexicon.yml``),
applied after the general lexicon. The search builder applies both below the store's own synonyms.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from generator.config.locales import Locale
from generator.config.project import Project
from generator.errors import ContentError, HelpCenterError
from generator.reading.fieldnames import editor_field
from generator.reading.schema import schema_problems
from generator.reading.sources import Problems, parse_source, schema_failures

FILES = {"en": ("shopping.yml", "wordnet.yml"), "fr": ("shopping-fr.yml",), "de": ("shopping-de.yml",),
         "es": ("shopping-es.yml",), "it": ("shopping-it.yml",), "nl": ("shopping-nl.yml",), "pt": ("shopping-pt.yml",),
         "ja": ("shopping-ja.yml",), "zh": ("shopping-zh.yml",)}
"""The general lexicon's files per language (a language without any gets no lexicon; README says so)."""
STORE_FILE = "search/lexicon.yml"  # under the content folder, or under content/<locale>/


@dataclass(frozen=True)
class Lexicon:
    fillers: list[str] = field(default_factory=list)
    """Words and phrases a query loses first."""
    rules: list[tuple[list[str], list[str]]] = field(default_factory=list)
    """(phrases a shopper says, phrases they mean); a ``same`` line means itself both ways."""
    language: str = "en"
    """The language its words are in: an index in another language leaves it out."""


def parse_lexicon(data: dict[str, Any], language: str = "en") -> Lexicon:
    """A lexicon from one file's data (already valid against the schema)."""
    rules: list[tuple[list[str], list[str]]] = []
    for line in data.get("same", []):
        phrases = _phrases(line)
        rules.append((phrases, phrases))
    for line in data.get("mean", []):
        said, meant = line.split(" => ")
        rules.append((_phrases(said), _phrases(meant)))
    return Lexicon(list(data.get("fillers", [])), rules, language)


@cache
def shopping_lexicon(language: str = "en") -> Lexicon:
    """The lexicon shipped with the generator in ``language`` (ISO 639-1): its files, validated, merged."""
    code = language.lower().replace("_", "-").split("-")[0]
    parts = []
    for name in FILES.get(code, ()):
        text = resources.files(__name__).joinpath(name).read_text("utf-8")
        parts.append(_checked(yaml.safe_load(text) or {}, f"generator/search/lexicon/{name}", code))
    return merge(code, parts)


def read_store_lexicon(path: Path, language: str) -> Lexicon | None:
    """A store's own lexicon file (the general one's format), or None if there is none; its
    problems are reported like the content's, with line and field (ContentError)."""
    if not path.is_file():
        return None
    problems = Problems()
    parsed = parse_source("lexicon", path, str(path), problems)
    if parsed is not None:
        schema_failures("lexicon", parsed[0] or {}, parsed[1], problems)
    if problems.items:
        raise ContentError(problems.items)
    assert parsed is not None
    return parse_lexicon(parsed[0] or {}, language)


def merge(language: str, parts: list[Lexicon]) -> Lexicon:
    """Lexicons one after the other: fillers once each, rules in order (later rules come after)."""
    fillers = [f for part in parts for f in part.fillers]
    return Lexicon(list(dict.fromkeys(fillers)), [r for part in parts for r in part.rules], language)


def site_lexicon(vocabulary: bool, language: str = "en", store: Path | None = None) -> Lexicon:
    """What a site's search applies in ``language``: the shopping lexicon, then the store's own
    (``store``: its lexicon.yml, if any) or, with the vocabulary switched off in mkdocs.yml, only
    their fillers (they are part of ranking a sentence)."""
    general = shopping_lexicon(language)
    own = read_store_lexicon(store, general.language) if store else None
    lexicon = merge(general.language, [general, own] if own else [general])
    return lexicon if vocabulary else Lexicon(lexicon.fillers, [], lexicon.language)


def project_lexicon(project: Project, locale: Locale) -> Lexicon:
    """What ``locale``'s search applies: the general lexicon in its language, then the store's own
    (``content/search/lexicon.yml`` for the default locale, ``content/<code>/search/lexicon.yml``)."""
    folder = project.content_dir if locale.default else project.content_dir / locale.code
    return site_lexicon(project.shopping_lexicon, locale.language, folder / STORE_FILE)


def _checked(data: Any, name: str, language: str) -> Lexicon:
    problems = [f"{editor_field(path) or '(top)'}: {message}"
                for path, _, message in schema_problems("lexicon", data)]
    if problems:
        raise HelpCenterError(f"{name}: " + "; ".join(problems))
    return parse_lexicon(data, language)


def _phrases(line: str) -> list[str]:
    return [p.strip() for p in line.split(",") if p.strip()]
