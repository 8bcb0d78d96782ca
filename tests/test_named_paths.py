"""Every repository path the documents name exists: README.md, HOSTING.md, DESIGN.md, benchmarks/README.md,
mkdocs.yml, and the comments of pyproject.toml and the workflows.

A path is a word that starts with one of the repository's own top-level folders or files (``generator/…``,
``tests/…``, ``.github/…``), or the target of a Markdown link. Left out, with the reason:

- ``content/…``: the store's own files; the documents name them as examples of where things go;
- build outputs, created by ``make``/``helpcenter build`` (``site/``, ``.venv/``, ``.cache/``, …);
- words with a placeholder (``<guide-id>``, ``{url}``, ``…``) or a glob, checked as patterns instead;
- the files the text tells the reader they may create (``MAY_CREATE`` below).
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
import yaml

from tests.conftest import REPO

DOCUMENTS = ("README.md", "HOSTING.md", "DESIGN.md", "benchmarks/README.md", "mkdocs.yml")
COMMENTED = ("pyproject.toml", ".github/workflows/content.yml", ".github/workflows/publish.yml")
BUILD_OUTPUTS = ("site", ".venv", ".cache", ".site-build-", ".site.lock", ".mypy_cache", ".pytest_cache",
                 ".ruff_cache")
MAY_CREATE: dict[str, str] = {}
"""Paths outside content/ the documents invite the reader to create, each with the sentence that does: none
today (the files they invite editors to create are content files, or named with a placeholder such as
``content/care/<guide-id>.md``)."""
_WORD = re.compile(r"[\w.\-/*<>{}…~]+")
_LINK = re.compile(r"\]\(([^)\s]+)\)")
_CODE = re.compile(r"`[^`]*`")


def top_level() -> set[str]:
    listed = subprocess.run(["git", "ls-files"], cwd=REPO, capture_output=True, text=True, check=True).stdout
    return {line.split("/", 1)[0] for line in listed.splitlines()}


def comments(path: Path) -> str:
    """The comments of a TOML or YAML file, each on its line (the rest blanked, so line numbers stay)."""
    return "\n".join(line[line.index("#"):] if "#" in line else "" for line in path.read_text("utf-8").splitlines())


def missing_site_files() -> list[str]:
    """Files mkdocs.yml's settings name, each found in docs/ or in the theme folder (custom_dir)."""
    config = yaml.load((REPO / "mkdocs.yml").read_text("utf-8"), Loader=yaml.BaseLoader)
    theme = config["theme"]
    named = [*(theme[key] for key in ("logo", "favicon") if key in theme), *theme.get("static_templates", []),
             *config.get("extra_css", []), *config.get("extra_javascript", [])]
    custom = [REPO / theme["custom_dir"]] if "custom_dir" in theme else []
    folders = [REPO / config.get("docs_dir", "docs"), *custom, REPO / "theme"]
    return [f"mkdocs.yml: {name}" for name in named if not any((folder / name).exists() for folder in folders)]


def named_paths(document: str, text: str, roots: set[str]) -> list[tuple[int, str]]:
    """(line, path) for every repository path the text names."""
    found = []
    fenced = False
    for number, line in enumerate(text.splitlines(), 1):
        fenced ^= line.lstrip().startswith("```")
        for link in [] if fenced else _LINK.findall(_CODE.sub("", line)):  # links in code are examples
            target = link.split("#", 1)[0]
            if target and "://" not in target and not target.startswith(("mailto:", "tel:", "store:", "/")):
                found.append((number, str((Path(document).parent / target).as_posix()).removeprefix("./")))
        for found_word in _WORD.findall(line):
            word = found_word.rstrip(".,:;")
            first = word.split("/", 1)[0]
            if "/" in word and first in roots and not word.startswith("/"):
                found.append((number, word))
    return found


def missing_table_modules(text: str, roots: set[str]) -> list[str]:
    """DESIGN.md's layout table names a folder in its first cell and that folder's files by their bare
    names (``| `generator/config/` | `project.py`: … |``): each must be in that folder or below it."""
    missing = []
    for number, line in enumerate(text.splitlines(), 1):
        folders = re.findall(r"`([\w./-]+)`", line.split(" | ")[0]) if line.startswith("| `") else []
        if not folders:
            continue
        folder = REPO / (folders[0] if folders[0].endswith("/") else folders[0].rsplit("/", 1)[0])
        for name in re.findall(r"`([\w.*-]+(?:/[\w.*-]+)*\.(?:py|json|yml|j2|js|css|html|xml|txt))`", line):
            if name.split("/", 1)[0] not in roots and not any(folder.rglob(name)):
                missing.append(f"DESIGN.md:{number}: {name} (in {folder.relative_to(REPO)}/)")
    return missing


def ignored(path: str) -> bool:
    return (path.startswith("content/") or path.split("/", 1)[0].startswith(BUILD_OUTPUTS)
            or any(mark in path for mark in "<>{}…~") or path in MAY_CREATE)


def exists(path: str) -> bool:
    if "*" in path:
        return any(REPO.glob(path))
    return (REPO / path).exists()


def missing_in(document: str) -> list[str]:
    roots = top_level()
    source = REPO / document
    text = comments(source) if document in COMMENTED else source.read_text("utf-8")
    paths = named_paths(document, text, roots)
    missing = [f"{document}:{n}: {p}" for n, p in paths if not ignored(p) and not exists(p)]
    if document == "DESIGN.md":
        missing += missing_table_modules(text, roots)
    return missing + (missing_site_files() if document == "mkdocs.yml" else [])


@pytest.mark.parametrize("document", DOCUMENTS + COMMENTED)
def test_every_path_the_document_names_exists(document: str) -> None:
    assert missing_in(document) == []


def test_a_stale_path_is_found(tmp_path: Path) -> None:
    """The check itself: a moved file, a Markdown link and a commented path are all seen."""
    text = "See `generator/pages.py` and [the schema](generator/schemas/faq.schema.json).\n# tests/test_insights.py"
    found = [p for _, p in named_paths("README.md", text, top_level())]
    assert sorted(set(found)) == ["generator/pages.py", "generator/schemas/faq.schema.json", "tests/test_insights.py"]
    assert not any(exists(p) for p in found)


def test_a_stale_module_in_the_layout_table_is_found() -> None:
    line = "| `generator/rendering/` | `pages.py` (pages), `datez.py` (dates), `templates/*.md.j2` |"
    assert missing_table_modules(line, top_level()) == ["DESIGN.md:1: datez.py (in generator/rendering/)"]
