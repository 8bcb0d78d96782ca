"""How long ``helpcenter check`` takes on valid and on broken synthetic help centers.

    .venv/bin/python benchmarks/check.py                    # 1,000 and 5,000 questions
    .venv/bin/python benchmarks/check.py --sizes 1000       # quicker
    .venv/bin/python benchmarks/check.py --keep /tmp/check  # keep the projects

For each size, ``benchmarks/synthetic.py`` writes a help center, which is checked as it is (valid),
then broken the way editors break big content (``break_project``) and checked again. A broken file
that cascades into hundreds of problems is what an editor's save or the preview meets, so the
broken check must stay as quick as the valid one. Each check runs ``helpcenter check`` in its own
process, as an editor would; the figures are wall and CPU time (user + system) of that process.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

if __package__ in (None, ""):  # run as a script: make `benchmarks` importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.synthetic import _dump, write_synthetic_project

RENAMED_REFERENCES = 300
"""Related lists and links that point at the renamed id (half each)."""
MISSPELT_RELATED = 100
_PROBLEM = re.compile(r"^\S[^:]*:\d+:\d+: ")


@dataclass
class CheckRun:
    seconds: float
    cpu_seconds: float
    exit_code: int
    problems: int


def run_check(project: Path) -> CheckRun:
    """``helpcenter check`` in its own process; its wall and CPU time and how many problems it printed."""
    command = [sys.executable, "-m", "generator", "--config", str(project / "mkdocs.yml"), "check"]
    with tempfile.TemporaryFile() as out:
        started = time.perf_counter()
        process = subprocess.Popen(command, cwd=project, stdout=out, stderr=subprocess.DEVNULL)
        # wait4 gives this child's own rusage, not the sum over every check so far.
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
        out.seek(0)
        lines = out.read().decode("utf-8", errors="replace").splitlines()
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        raise SystemExit(f"benchmark: helpcenter check failed in {project} (exit {code}):\n" + "\n".join(lines[-20:]))
    problems = sum(1 for line in lines if _PROBLEM.match(line))
    return CheckRun(seconds, usage.ru_utime + usage.ru_stime, code, problems)


# --- breaking a project the way editors do -------------------------------------------------------


def _read_faq(path: Path) -> tuple[str, dict[str, Any]]:
    text = path.read_text("utf-8")
    header = text.split("\n", 1)[0] + "\n" if text.startswith("#") else ""
    return header, yaml.safe_load(text)


def _misspelt(word: str, rng: random.Random) -> str:
    """One typo: two neighbouring letters swapped, a letter dropped or doubled."""
    index = rng.randrange(1, len(word) - 2)
    kind = rng.choice(("swap", "drop", "double"))
    if kind == "swap":
        return word[:index] + word[index + 1] + word[index] + word[index + 2:]
    if kind == "drop":
        return word[:index] + word[index + 1:]
    return word[:index] + word[index] + word[index:]


def _rename_and_misspell(faq_files: list[Path], rng: random.Random) -> tuple[int, int]:
    """An id renamed while related lists and links still use the old one, and misspelt related ids
    (300 and 100, fewer in a small project); return how many of each."""
    documents = {path: _read_faq(path) for path in faq_files}
    questions = [q for _, data in documents.values() for q in data["questions"]]
    renamed = questions[len(questions) // 2]
    old_id = renamed["id"]
    renamed["id"] = f"{old_id.rsplit('-', 1)[0]}-guide-{old_id.rsplit('-', 1)[1]}"
    references, misspelt = min(RENAMED_REFERENCES, len(questions) // 4), min(MISSPELT_RELATED, len(questions) // 8)
    pointing = rng.sample([q for q in questions if q is not renamed], references + misspelt)
    for number, question in enumerate(pointing[:references]):
        if number % 2:
            question["answer"] = question["answer"].rstrip("\n") + f" See [this answer]({old_id}).\n"
        else:
            question["related"] = [*question.get("related", []), old_id][-3:]
    for question in pointing[references:]:
        target = rng.choice([q["id"] for q in rng.sample(questions, 3) if q is not question])
        question["related"] = [*question.get("related", [])[:2], _misspelt(target, rng)]
    for path, (header, data) in documents.items():
        path.write_text(header + _dump(data), "utf-8")
    return references, misspelt


def _entry_starts(lines: list[str]) -> list[int]:
    return [i for i, line in enumerate(lines) if re.match(r"^ *- id:", line)]


def _indent_slip(path: Path, key: str, entry: int, extra: str) -> None:
    """The ``key:`` line of the ``entry``-th question shifted by ``extra`` (e.g. a space, or a tab)."""
    lines = path.read_text("utf-8").split("\n")
    starts = _entry_starts(lines)
    start = starts[min(entry, len(starts) - 1)]
    for i in range(start + 1, len(lines)):
        if re.match(rf"^\s*{key}:", lines[i]):
            lines[i] = extra + lines[i]
            break
    path.write_text("\n".join(lines), "utf-8")


def _field_into_answer(path: Path) -> None:
    """An ``updated:`` line moved under the answer and indented like its text: YAML reads it as text.
    The first question from the middle of the file on that has both."""
    lines = path.read_text("utf-8").split("\n")
    starts = _entry_starts(lines)
    for start in starts[len(starts) // 2:]:
        answer = next(i for i in range(start, len(lines)) if lines[i].lstrip().startswith("answer:"))
        key_indent = len(lines[answer]) - len(lines[answer].lstrip())
        end = answer + 1
        while end < len(lines) and (not lines[end].strip() or len(lines[end]) - len(lines[end].lstrip()) > key_indent):
            end += 1
        updated = next((i for i in range(end, len(lines)) if lines[i].lstrip().startswith("updated:")), None)
        if updated is None or any(re.match(r"^ *- id:", line) for line in lines[end:updated]):
            continue
        text_indent = len(lines[answer + 1]) - len(lines[answer + 1].lstrip())
        moved = " " * text_indent + lines.pop(updated).lstrip()
        last_text = max(i for i in range(answer + 1, end) if lines[i].strip())
        lines.insert(last_text + 1, moved)
        path.write_text("\n".join(lines), "utf-8")
        return


def break_project(project: Path, seed: int = 0) -> list[str]:
    """Break ``project`` in the ways editors do; return what was broken, one line each."""
    rng = random.Random(seed)
    faq = sorted((project / "content" / "faq").glob("*.yml"))
    references, misspelt = _rename_and_misspell(faq, rng)
    _field_into_answer(faq[0])
    _indent_slip(faq[1], "question", entry=40, extra=" ")  # the YAML no longer parses
    _indent_slip(faq[2], "question", entry=10, extra="\t")  # a tab where spaces were meant
    guide = sorted((project / "content" / "care").glob("*.md"))[0]
    text = guide.read_text("utf-8")
    guide.write_text(text.replace("\ndescription: ", "\n description: ", 1), "utf-8")
    return [
        f"an id renamed while {references} related lists and links still use the old one",
        f"{misspelt} misspelt related ids",
        f"{faq[0].name}: an `updated:` line indented into the answer above",
        f"{faq[1].name}: a `question:` line indented one space too far (no longer YAML)",
        f"{faq[2].name}: a tab before a `question:` line",
        f"{guide.name}: a front-matter line indented one space",
    ]


# --- the run -----------------------------------------------------------------------------------


def bench_size(questions: int, work: Path) -> list[str]:
    project = write_synthetic_project(work / f"check-{questions}", questions)
    valid = run_check(project)
    if valid.exit_code != 0:
        raise SystemExit(f"benchmark: the synthetic project at {project} does not pass the check")
    broken_how = break_project(project)
    broken = run_check(project)
    if broken.exit_code != 1:
        raise SystemExit(f"benchmark: the broken project at {project} passes the check")
    lines = [f"## {questions:,} questions", "", "Broken by:", *(f"- {how}" for how in broken_how), ""]
    lines += ["| content | problems | wall | CPU |", "|---|---:|---:|---:|"]
    for label, run in (("valid", valid), ("broken", broken)):
        lines.append(f"| {label} | {run.problems} | "
                     f"{run.seconds:.2f} s | {run.cpu_seconds:.2f} s |")
    ratio = broken.cpu_seconds / valid.cpu_seconds
    return [*lines, "", f"broken / valid, CPU time: {ratio:.2f}", ""]


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--sizes", default="1000,5000", help="comma-separated numbers of questions")
    parser.add_argument("--keep", type=Path, help="write the projects here and keep them")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    sizes = [int(size) for size in args.sizes.split(",")]
    with tempfile.TemporaryDirectory(prefix="hc-check-") as scratch:
        work = args.keep or Path(scratch)
        work.mkdir(parents=True, exist_ok=True)
        for questions in sizes:
            print("\n".join(bench_size(questions, work)), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
