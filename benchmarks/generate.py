"""CPU of the generator stage (``generator.rendering.site.generate``) in the preview, after one edited answer.

The preview generates the site again in one process after each save, reusing what its last save computed
where the inputs are the same (``generator.reuse.Kept``); the search files are built when a browser asks
for them (``search=False``), so both are shown. For comparison, the same generation with nothing kept (what
``helpcenter build`` runs). CPU seconds (``time.process_time``), the median of several edits, each to another
answer; the machine is shared, so compare figures measured in one run.

    python -m benchmarks.generate --articles 5000
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

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


def preview(project: Path, search: bool) -> tuple[float, float, float]:
    """(first generation, median after one edited answer with results kept, the same with nothing kept)."""
    from generator.config.project import load_project
    from generator.rendering.site import generate
    from generator.reuse import Kept

    kept = Kept()
    config = load_project(project / "mkdocs.yml")

    def save() -> object:
        kept.next_generation()
        return generate(config, search=search, reuse=kept)

    first = _cpu(save)
    faq, ids = _edited_file(project)
    after, fresh = [], []
    for number in range(EDITS):
        _edit_answer(faq, ids[number], f"Edit{number}.")
        after.append(_cpu(save))
        fresh.append(_cpu(lambda: generate(config, search=search)))
    return first, statistics.median(after), statistics.median(fresh)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=5000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        project = write_synthetic_project(Path(folder) / "project", args.articles)
        print(f"generator stage, {args.articles} articles, CPU seconds (median of {EDITS} edits)")
        for search in (False, True):
            first, warm, cold = preview(project, search)
            label = "with search files" if search else "search files deferred (as the preview runs it)"
            print(f"  {label}: first {first:.2f}; one edited answer: {warm:.3f} with results kept, "
                  f"{cold:.3f} with nothing kept")


if __name__ == "__main__":
    main()
