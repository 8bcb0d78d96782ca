"""The CLI as editors and CI meet it: exit codes, output formats, and no tracebacks."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator.cli import DEMO_STORE_MISSING
from tests.conftest import EXAMPLES, REPO, STORE


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=300, check=False)


@pytest.fixture()
def bad_project(tmp_path: Path) -> Path:
    shutil.copy(STORE / "mkdocs.yml", tmp_path / "mkdocs.yml")
    shutil.copytree(EXAMPLES / "bad" / "unknown-key" / "content", tmp_path / "content")
    return tmp_path


def test_check_passes_on_the_reference_store() -> None:
    result = run("check", cwd=STORE)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "content is valid" in result.stderr


def test_check_text_format_names_file_line_and_fix(bad_project: Path) -> None:
    result = run("check", cwd=bad_project)
    assert result.returncode == 1
    assert "content/faq/orders.yml:8:5: question 1 (order-status) › anwser: unknown key 'anwser' — did you mean" \
        " 'answer'?" in result.stdout.splitlines()
    assert "✗ 1 problem in 1 file" in result.stderr
    assert "Traceback" not in result.stdout + result.stderr


def test_check_github_format_prints_annotations(bad_project: Path) -> None:
    result = run("check", "--format", "github", cwd=bad_project)
    assert result.returncode == 1
    assert "::error file=content/faq/orders.yml,line=8,col=5::question 1 (order-status) › anwser: unknown key" \
        " 'anwser' — did you mean 'answer'?" in result.stdout.splitlines()


def test_check_json_format_is_machine_readable(bad_project: Path) -> None:
    result = run("check", "--format", "json", cwd=bad_project)
    assert result.returncode == 1
    report = json.loads(result.stdout)
    assert report["ok"] is False
    assert {"path": "content/faq/orders.yml", "line": 8, "col": 5, "field": "question 1 (order-status) › anwser",
            "message": "unknown key 'anwser' — did you mean 'answer'?",
            "json_path": "$.questions[0].anwser"} in report["problems"]


def test_check_json_format_on_clean_content() -> None:
    result = run("check", "--format", "json", cwd=STORE)
    assert result.returncode == 0
    assert json.loads(result.stdout) == {"ok": True, "problems": [], "warnings": []}  # warnings: stale translations


def test_a_broken_configuration_is_one_clean_message(tmp_path: Path) -> None:
    (tmp_path / "mkdocs.yml").write_text("site_name: x\nsite_url: https://h.example/\nextra:\n  store:\n"
                                         "    url: http://shop.example.com\n")
    result = run("check", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.startswith("error: extra.store.url: 'http://shop.example.com' is not an allowed store URL")
    assert "Traceback" not in result.stderr


def test_missing_configuration_file(tmp_path: Path) -> None:
    result = run("check", cwd=tmp_path)
    assert result.returncode == 1
    assert "cannot read the configuration" in result.stderr


@pytest.mark.parametrize("case", sorted(p.name for p in (EXAMPLES / "bad").iterdir()))
def test_every_bad_example_fails_check_without_a_traceback(case: str, tmp_path: Path) -> None:
    shutil.copy(STORE / "mkdocs.yml", tmp_path / "mkdocs.yml")
    shutil.copytree(EXAMPLES / "bad" / case / "content", tmp_path / "content")
    result = run("check", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout.strip(), "problems are printed on stdout"
    assert "Traceback" not in result.stdout + result.stderr


def test_the_demo_store_is_found_where_it_is_installed_from_any_folder(tmp_path: Path) -> None:
    """make's setup installs devstore/ (a distribution of its own) beside the generator."""
    code = "from generator.cli import _devstore_preview; print(_devstore_preview().__module__)"
    result = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True,
                            timeout=60, check=False, env={"PATH": "/usr/bin:/bin"})
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "devstore.preview"


BLOCK_DEVSTORE = """import sys

class NoDevstore:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] == "devstore":
            raise ModuleNotFoundError(f"No module named {name!r}", name=name)

sys.meta_path.insert(0, NoDevstore())
"""


def test_without_the_demo_store_serve_says_how_to_install_it(tmp_path: Path) -> None:
    """Its import fails as in a store's environment that has only the generator's wheel."""
    blocker = tmp_path / "blocker"
    blocker.mkdir()
    (blocker / "sitecustomize.py").write_text(BLOCK_DEVSTORE, "utf-8")
    shutil.copy(STORE / "mkdocs.yml", tmp_path / "mkdocs.yml")
    result = subprocess.run([sys.executable, "-m", "generator", "serve", "--demo-store", "--port", "0"], cwd=tmp_path,
                            capture_output=True, text=True, timeout=60, check=False,
                            env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(blocker)})
    assert result.returncode == 1
    assert result.stderr == f"error: {DEMO_STORE_MISSING}\n"
    assert "pip install helpcenter-devstore" in DEMO_STORE_MISSING


def test_check_lists_the_ui_strings_problems_exactly_as_the_build_does(tmp_path: Path) -> None:
    """A misspelt override and a language the generator does not ship: check says so before any build, in
    the build's own words, with file, line and key."""
    shutil.copytree(EXAMPLES / "languages", tmp_path, dirs_exist_ok=True)
    (tmp_path / "theme").symlink_to(REPO / "theme")
    (tmp_path / "content" / "de" / "strings.yml").write_text("# our words\ncontakt_us: Schreib uns\n", "utf-8")
    config = (tmp_path / "mkdocs.yml").read_text("utf-8")
    (tmp_path / "mkdocs.yml").write_text(config.replace("  - code: fr\n", "  - code: fr\n    - code: sv\n"), "utf-8")
    from generator.rendering.strings import shipped_catalogue

    english = shipped_catalogue("en") or {}
    count = len(english) - 1 + len(english["widgets"])
    expected = [
        "content/de/strings.yml:2:1: contakt_us: unknown UI string 'contakt_us' — did you mean 'contact_us'?",
        "content/sv/strings.yml:1:1: no UI strings for locale 'sv' (sv): the generator ships en, fr, de, es, it, nl, "
        f"pt-BR, ja, zh-Hans; write all {count} strings of the English catalogue (generator/rendering/locales/en.yml) "
        "in this file, translated, or set the locale's language to one of those",
    ]
    check = run("check", cwd=tmp_path)
    assert (check.returncode, check.stdout.splitlines()) == (1, expected), check.stderr
    build = run("build", cwd=tmp_path)
    assert build.returncode == 1 and build.stdout.splitlines() == expected, build.stdout + build.stderr
    assert "nothing was built" in build.stderr and "Traceback" not in build.stdout + build.stderr
