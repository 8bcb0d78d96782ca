"""Helpers shared by the search tests: a help center from plain data, index files on disk, node."""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from generator.reading.model import Category, Guide, HelpCenter, Question
from generator.search import build_search_files
from generator.search.lexicon import parse_lexicon

HERE = Path(__file__).parent
VECTORS = HERE / "vectors.json"
LANGUAGE_VECTORS = HERE / "vectors-languages.json"
NODE_RUNNER = HERE / "run-search.cjs"


def helpcenter_from(data: dict[str, Any]) -> HelpCenter:
    """A help center from the ``content`` of vectors.json (no files, no loader)."""
    categories = [
        Category(c["id"], c["title"], c.get("description", ""), n, [
            Question(q["id"], q["question"], q["answer"], c["id"], keywords=q.get("keywords", []))
            for q in c["questions"]
        ])
        for n, c in enumerate(data["categories"])
    ]
    guides = [Guide(g["id"], g["title"], g.get("description", ""), n, g["body"]) for n, g in enumerate(data["guides"])]
    return HelpCenter(categories, guides, [list(group) for group in data.get("synonyms", [])])


def vector_files(vectors: dict[str, Any]) -> dict[str, bytes]:
    """The index files of search_vectors.json's help center, with its own small lexicon (the
    shipped one changes as it grows; the vectors pin the rules, not its words)."""
    content = vectors["content"]
    return build_search_files(helpcenter_from(content), parse_lexicon(content["lexicon"]))


def language_vector_files(vector_set: dict[str, Any]) -> dict[str, bytes]:
    """The index files of one set of vectors-languages.json, in its language, with the set's own small
    lexicon in that language if it has one."""
    content, language = vector_set["content"], vector_set["language"]
    lexicon = parse_lexicon(content["lexicon"], language) if "lexicon" in content else None
    return build_search_files(helpcenter_from(content), lexicon, language=language)


def load_language_vectors() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(LANGUAGE_VECTORS.read_text(encoding="utf-8"))
    return data


def load_vectors() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(VECTORS.read_text(encoding="utf-8"))
    return data


def write_files(files: dict[str, bytes], site: Path) -> Path:
    """Write build_search_files' output under ``site``; returns the index folder."""
    for name, data in files.items():
        path = site / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return site / "assets" / "search"


def write_index(helpcenter: HelpCenter, site: Path) -> Path:
    return write_files(build_search_files(helpcenter), site)


def node() -> str | None:
    return shutil.which("node")


def run_node(index_dir: Path, work: Path, queries: Sequence[str] = (), words: Sequence[str] = (),
             texts: Sequence[str] = (), limit: int = 10) -> dict[str, Any]:
    """hc-search-engine.js in node on these queries (and stems of ``words``, tokens of ``texts``)."""
    request = work / "node-request.json"
    request.write_text(json.dumps({"queries": list(queries), "words": list(words), "texts": list(texts)}))
    executable = node()
    assert executable, "node is needed for this test"
    result = subprocess.run([executable, str(NODE_RUNNER), str(index_dir), str(request), str(limit)],
                            capture_output=True, text=True, timeout=120, check=True)
    answer: dict[str, Any] = json.loads(result.stdout)
    return answer
