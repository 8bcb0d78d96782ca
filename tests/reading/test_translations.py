"""Translations read and checked against their source: the bad examples of tests/examples/translations/
with their exact messages, the translation status, and `helpcenter check` / `helpcenter translations`."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml

from generator.cli import main
from generator.config.project import project_from_settings
from generator.reading.loading import load_helpcenter
from generator.reading.translation_status import translation_status
from generator.reading.translations import load_translations
from tests.conftest import EXAMPLES
from tests.helpers import settings

BAD = EXAMPLES / "translations" / "bad"
SOURCE = EXAMPLES / "good" / "minimal" / "content"
MULTILINGUAL = EXAMPLES / "multilingual"


def project_with_translations(root: Path, case: Path, locales: list[object]) -> Path:
    """A project whose content is the minimal source with the case's translations over it."""
    shutil.copytree(SOURCE, root / "content")
    shutil.copytree(case / "content", root / "content", dirs_exist_ok=True)
    config = settings()
    config["extra"]["locales"] = locales
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), "utf-8")
    return root / "mkdocs.yml"


def check_lines(config: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str]]:
    code = main(["-f", str(config), "check"])
    out, err = capsys.readouterr()
    warnings = [line for line in err.splitlines() if line.endswith("(warning)")]
    return code, out.splitlines() + warnings


@pytest.mark.parametrize("case", sorted(p for p in BAD.iterdir() if p.is_dir()), ids=lambda p: p.name)
def test_bad_translations_report_exactly_the_expected_problems(case: Path, tmp_path: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    config = project_with_translations(tmp_path, case, ["en", "fr"])
    code, lines = check_lines(config, capsys)
    expected = (case / "expected.txt").read_text("utf-8").splitlines()
    assert lines == expected
    assert code == (1 if any(not line.endswith("(warning)") for line in expected) else 0)


def test_a_translation_without_updated_dates_is_stale_by_its_last_commit(tmp_path: Path) -> None:
    """No `updated` on either side: the files' last commits decide (git, as the sitemap's dates do)."""
    config = project_with_translations(tmp_path, BAD / "unknown-ids", ["en", "fr"])
    root = config.parent
    (root / "content/faq/orders.yml").write_text(
        (root / "content/faq/orders.yml").read_text("utf-8").replace("    updated: 2026-11-20\n", ""), "utf-8")
    fr = root / "content/fr/faq/orders.yml"
    fr.write_text(fr.read_text("utf-8").replace("order-stauts", "order-status"), "utf-8")
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.com"]
    import subprocess

    def commit(path: str, day: str) -> None:
        env = {"GIT_AUTHOR_DATE": f"{day}T12:00:00", "GIT_COMMITTER_DATE": f"{day}T12:00:00", "PATH": "/usr/bin:/bin"}
        subprocess.run([*git, "add", path], cwd=root, check=True, env=env)
        subprocess.run([*git, "commit", "-qm", path], cwd=root, check=True, env=env)

    subprocess.run(["git", "init", "-q"], cwd=root, check=True)
    commit("content/fr", "2026-10-01")
    commit("content/faq", "2026-11-02")
    project = project_from_settings(config, yaml.safe_load(config.read_text("utf-8")), {})
    source = load_helpcenter(project.content_dir)
    loaded = load_translations(project.content_dir, project.locales, source)
    stale = [str(w) for w in loaded.warnings if "order-status" in w.path or "faq/orders" in w.path]
    assert stale == ["content/fr/faq/orders.yml:6:5: translation older than its source: 'order-status' at "
                     "content/faq/orders.yml:6 was updated on 2026-11-02, this translation on 2026-10-01; "
                     "update it and its 'updated' date"]


def test_status_counts_translated_missing_and_stale(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    config = project_with_translations(tmp_path, MULTILINGUAL, ["en", "ar", "ja", "fr"])
    shutil.copytree(MULTILINGUAL / "content", tmp_path / "content", dirs_exist_ok=True)
    assert main(["-f", str(config), "translations"]) == 0
    text = capsys.readouterr().out.splitlines()
    assert text[0] == "ar (ar): 1/4 translated, 3 missing, 0 stale"
    assert "  missing: customs" in text
    assert main(["-f", str(config), "translations", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    ja = next(locale for locale in data["locales"] if locale["locale"] == "ja")
    assert ja["counts"] == {"translated": 3, "missing": 1, "stale": 0}
    assert ja["translated"] == ["order-status", "returns", "leather"] and ja["missing"] == ["customs"]


def test_status_lists_stale_entries_with_file_and_line(tmp_path: Path) -> None:
    config = project_with_translations(tmp_path, BAD / "stale", ["en", "fr"])
    project = project_from_settings(config, yaml.safe_load(config.read_text("utf-8")), {})
    source = load_helpcenter(project.content_dir)
    [status] = translation_status(source, load_translations(project.content_dir, project.locales, source))
    assert [(s["id"], s["path"], s["line"]) for s in status.stale] == [
        ("order-status", "content/fr/faq/orders.yml", 6), ("leather", "content/fr/care/leather.md", 1)]


def test_check_reports_stale_translations_as_warnings_for_ci(tmp_path: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    config = project_with_translations(tmp_path, BAD / "stale", ["en", "fr"])
    assert main(["-f", str(config), "check", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["ok"] is True and data["problems"] == []
    assert [(w["path"], w["line"]) for w in data["warnings"]] == [
        ("content/fr/care/leather.md", 1), ("content/fr/faq/orders.yml", 6)]
    assert main(["-f", str(config), "check", "--format", "github"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[1].startswith("::warning file=content/fr/faq/orders.yml,line=6,col=5::translation older than")
