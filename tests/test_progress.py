"""A long build says what it is doing: an updating line on a terminal, plain lines in CI, nothing with --quiet."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest

from generator import progress
from generator.cli import main as helpcenter
from tests.helpers import copy_site_project


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_log_gets_one_line_per_stage_and_the_last_count() -> None:
    log = io.StringIO()
    with progress.showing_progress(quiet=False, stream=log):
        progress.stage("loading")
        progress.stage("rendering pages")
        for done in range(1, 501):
            progress.step(done, 500)
    lines = log.getvalue().splitlines()
    assert [line.split("] ", 1)[1] for line in lines] == ["loading", "rendering pages", "rendering pages: 500 of 500"]


def test_a_terminal_gets_one_line_rewritten_then_cleared() -> None:
    terminal = Terminal()
    with progress.showing_progress(quiet=False, stream=terminal):
        progress.stage("rendering pages")
        progress.step(3, 3)
    shown = terminal.getvalue()
    assert "\n" not in shown
    assert "\r\x1b[Krendering pages: 3 of 3 …" in shown and shown.endswith("\r\x1b[K")


def test_quiet_shows_nothing_and_nothing_shows_outside_a_command() -> None:
    log = io.StringIO()
    with progress.showing_progress(quiet=True, stream=log):
        progress.stage("loading")
    progress.stage("loading")  # no command running: the core's reports go nowhere
    assert log.getvalue() == ""


@pytest.mark.slow
def test_build_prints_a_summary_and_quiet_prints_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = copy_site_project(tmp_path / "project")
    config = str(root / "mkdocs.yml")
    assert helpcenter(["--config", config, "build"]) == 0
    err = capsys.readouterr().err
    assert "rendering pages" in err
    summary, tag = err.strip().splitlines()[-2:]
    assert tag.endswith('(EMBED.md): <script src="https://help.kseworks.com/assets/embed.js" async></script>')
    assert summary.startswith("✓ built ") and " pages in 2 locales into " in summary
    assert re.search(r" in [0-9.]+ s$", summary)
    assert helpcenter(["--config", config, "build", "--quiet"]) == 0
    assert capsys.readouterr() == ("", "")
