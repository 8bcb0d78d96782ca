"""The check benchmark runs, and the content it breaks is broken the ways it says, each one reported."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks import check as bench
from benchmarks.synthetic import write_synthetic_project
from generator.cli import main as helpcenter


def test_break_project_makes_each_mistake_it_names(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = write_synthetic_project(tmp_path / "hc", questions=200, categories=20)
    assert helpcenter(["--config", str(project / "mkdocs.yml"), "check"]) == 0
    capsys.readouterr()
    broken_how = bench.break_project(project)
    assert helpcenter(["--config", str(project / "mkdocs.yml"), "check"]) == 1
    out = capsys.readouterr().out
    assert broken_how[:2] == ["an id renamed while 50 related lists and links still use the old one",
                              "25 misspelt related ids"]
    # three of the twenty files no longer parse, so the references they held are not checked
    assert out.count("no question or guide has the id") + out.count("points nowhere") >= (50 + 25) // 2
    assert "— did you mean '" in out
    for how in broken_how[2:]:  # each broken file is named in the report
        assert f"/{how.split(':')[0]}:" in out, how
    assert "this line is indented with a tab" in out
    assert "looks like the field `updated:` indented into the answer above" in out


def test_benchmark_runs_at_a_tiny_size(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert bench.main(["--sizes", "80", "--keep", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "## 80 questions" in out
    rows = [line for line in out.splitlines() if line.startswith(("| valid |", "| broken |"))]
    assert rows[0].startswith("| valid | 0 |")
    assert int(rows[1].split("|")[2]) > 20
    assert "broken / valid, CPU time:" in out
