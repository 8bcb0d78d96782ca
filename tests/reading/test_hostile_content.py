"""Whatever an editor (or a broken tool) writes, the checker answers with problems, never a traceback."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from generator.reading.loading import load_content
from tests.conftest import STORE

SEEDS = range(60)


def mutate(text: str, rng: random.Random) -> str:
    """Damage a reference store's content file the way editors and tools do: cut, duplicate, swap, stray characters."""
    lines = text.splitlines(keepends=True)
    for _ in range(rng.randint(1, 4)):
        i = rng.randrange(len(lines))
        choice = rng.randrange(7)
        if choice == 0:
            del lines[i]
        elif choice == 1:
            lines.insert(i, lines[rng.randrange(len(lines))])
        elif choice == 2:
            lines[i] = lines[i].replace("  ", "\t", 1)
        elif choice == 3:
            cut = lines[i][: rng.randrange(len(lines[i]) + 1)]
            lines[i] = cut + rng.choice([":", "- ", "[", "{", "&a ", "*a", "'", "|"])
        elif choice == 4:
            lines[i] = lines[i].replace(":", "", 1)
        elif choice == 5:
            lines[i] = " " * rng.randrange(6) + lines[i].lstrip()
        else:
            lines[i] = lines[i].replace("id:", "id: Bad Id ", 1)
    return "".join(lines)


@pytest.mark.parametrize("seed", SEEDS)
def test_damaged_real_content_gives_problems_not_tracebacks(seed: int, tmp_path: Path) -> None:
    rng = random.Random(seed)
    content = tmp_path / "content"
    for folder in ("faq", "care"):
        (content / folder).mkdir(parents=True)
    sources = sorted((STORE / "content").glob("faq/*.yml")) + sorted((STORE / "content").glob("care/*.md"))
    victim = rng.choice(sources)
    for source in sources:
        text = source.read_text("utf-8")
        (content / source.parent.name / source.name).write_text(mutate(text, rng) if source == victim else text)
    loaded = load_content(content)  # must not raise
    for problem in loaded.problems.items:
        assert problem.line >= 1 and problem.col >= 1 and problem.message


STRANGE_FILES = [
    b"\xff\xfe\x00\x00", b"---\n...\n", b"[]", b"42", b"category: !!python/object:os.system ls\n",
    b"questions: " + b"[" * 5000, b"? [a]\n: b\n", b"\xef\xbb\xbfcategory: {}\n",
]


@pytest.mark.parametrize("data", STRANGE_FILES)
def test_strange_files_are_reported(data: bytes, tmp_path: Path) -> None:
    (tmp_path / "content" / "faq").mkdir(parents=True)
    (tmp_path / "content" / "faq" / "x.yml").write_bytes(data)
    loaded = load_content(tmp_path / "content")
    assert loaded.problems.items, data


def test_libyaml_and_pure_python_paths_agree_on_real_content(monkeypatch: pytest.MonkeyPatch) -> None:
    """The fast path must give editors the very same data and positions as the careful one."""
    from generator.reading import yamlsource

    for path in sorted((STORE / "content").rglob("*.yml")):
        text = path.read_text("utf-8")
        fast = yamlsource.parse_yaml(text)
        monkeypatch.setattr(yamlsource, "_FastLoader", None)
        slow = yamlsource.parse_yaml(text)
        monkeypatch.undo()
        assert fast[0] == slow[0]
        assert fast[1].values == slow[1].values and fast[1].keys == slow[1].keys
