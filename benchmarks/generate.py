"""CPU of the generator stage (``generator.rendering.site.generate``) after one edited answer.

Two ways the core runs again after an edit (issue 13):

- the preview: one process, every memo on (``memo.enable()``), the site generated after each save; the
  search files are built when a browser asks for them (``search=False``), so both are shown;
- ``helpcenter build``: a new process that loads the memos the last build saved
  (``memo.enable(saved_only=True)``, ``memo.load``), generates, and saves them again.

CPU seconds (``time.process_time``), the median of several edits, each to another answer; the machine
is shared, so compare figures measured in one run.

    python -m benchmarks.generate --articles 5000
"""

from __future__ import annotations

import argparse
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from benchmarks.rebuild import _edit_answer
from benchmarks.synthetic import write_synthetic_project

EDITS = 5


def _cpu(work: Callable[[], object]) -> float:
    started = time.process_time()
    work()
    return time.process_time() - started


def _edited_file(project: Path) -> tuple[Path, list[str]]:
    """The first category's file and its questions' ids (``_edit_answer`` edits one by its id)."""
    faq = sorted((project / "content" / "faq").glob("*.yml"))[0]
    return faq, re.findall(r"- id: (\S+)\n", faq.read_text("utf-8"))


def preview(project: Path, search: bool) -> tuple[float, float]:
    """(first generation, median after one edited answer) in one process with every memo on."""
    from generator import memo
    from generator.config.project import load_project
    from generator.rendering.site import generate

    memo.enable()
    config = load_project(project / "mkdocs.yml")
    first = _cpu(lambda: generate(config, search=search))
    faq, ids = _edited_file(project)
    after = []
    for number in range(EDITS):
        _edit_answer(faq, ids[number], f"Edit{number}.")
        after.append(_cpu(lambda: generate(config, search=search)))
    return first, statistics.median(after)


def build_step(project: Path, saved: Path, edit: int) -> str:
    """One build's core in this process: load what the last one saved, edit, generate, save."""
    from generator import memo
    from generator.config.project import load_project
    from generator.rendering.site import generate

    memo.enable(saved_only=True)
    config = load_project(project / "mkdocs.yml")
    load = _cpu(lambda: memo.load(saved))
    if edit >= 0:
        faq, ids = _edited_file(project)
        _edit_answer(faq, ids[edit], f"Built{edit}.")
    run = _cpu(lambda: generate(config))
    save = _cpu(lambda: memo.save(saved))
    return f"{load:.3f} {run:.3f} {save:.3f}"


def builds(project: Path) -> tuple[float, list[float]]:
    """(first build's generation with no cache, medians of load / generate / save after one edit)."""
    saved = project / ".cache" / "core-benchmark.pickle"
    saved.unlink(missing_ok=True)

    def step(edit: int) -> list[float]:
        done = subprocess.run([sys.executable, "-m", "benchmarks.generate", "--step", str(project), str(edit)],
                              capture_output=True, text=True, check=True, cwd=Path(__file__).parents[1])
        return [float(x) for x in done.stdout.split()]

    first = step(-1)[1]
    steps = [step(number) for number in range(EDITS)]
    return first, [statistics.median(column) for column in zip(*steps, strict=True)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument("--step", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.step:
        project = Path(args.step[0])
        print(build_step(project, project / ".cache" / "core-benchmark.pickle", int(args.step[1])))
        return
    with tempfile.TemporaryDirectory() as folder:
        source = write_synthetic_project(Path(folder) / "source", args.articles)
        results = []
        for search in (False, True):
            copy = Path(folder) / f"preview-{search}"
            shutil.copytree(source, copy)
            results.append((search, *_in_process(copy, search)))
        copy = Path(folder) / "build"
        shutil.copytree(source, copy)
        first, (load, run, save) = builds(copy)
    print(f"generator stage, {args.articles} articles, CPU seconds (median of {EDITS} edits)")
    for search, cold, warm in results:
        label = "with search files" if search else "search files deferred"
        print(f"  preview, {label}: first {cold:.2f}, one edited answer {warm:.3f}")
    print(f"  helpcenter build: no cache {first:.2f}; one edited answer: load {load:.3f} + generate {run:.3f} "
          f"+ save {save:.3f}")


def _in_process(project: Path, search: bool) -> tuple[float, float]:
    """The preview in its own process (memos are per process)."""
    code = ("import sys; from pathlib import Path; from benchmarks.generate import preview; "
            f"print(*preview(Path({str(project)!r}), {search}))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                          cwd=Path(__file__).parents[1])
    first, warm = (float(x) for x in done.stdout.split())
    return first, warm


if __name__ == "__main__":
    main()
