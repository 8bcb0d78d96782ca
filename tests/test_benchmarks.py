"""The benchmark's synthetic content is real content: it passes the checker and builds like the real site."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from benchmarks import build as bench
from benchmarks.synthetic import (
    synthetic_article_urls,
    write_plain_material_project,
    write_synthetic_project,
)
from generator.cli import main as helpcenter
from generator.reading.loading import SLUG


def _questions(project: Path) -> list[dict[str, object]]:
    found = []
    for path in sorted((project / "content" / "faq").glob("*.yml")):
        found.extend(yaml.safe_load(path.read_text("utf-8"))["questions"])
    return found


def test_synthetic_project_passes_helpcenter_check(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = write_synthetic_project(tmp_path / "hc", questions=30, categories=5)
    assert helpcenter(["--config", str(project / "mkdocs.yml"), "check"]) == 0, capsys.readouterr()
    questions = _questions(project)
    ids = [q["id"] for q in questions]
    assert len(ids) == 30 and len(set(ids)) == 30
    assert all(SLUG.match(str(i)) for i in ids)
    assert all(str(q["question"]).endswith("?") for q in questions)
    assert len(list((project / "content" / "care").glob("*.md"))) >= 2


def test_answers_are_about_the_requested_length_and_deterministic(tmp_path: Path) -> None:
    first = _questions(write_synthetic_project(tmp_path / "a", questions=12, categories=3, words=150, seed=7))
    again = _questions(write_synthetic_project(tmp_path / "b", questions=12, categories=3, words=150, seed=7))
    other = _questions(write_synthetic_project(tmp_path / "c", questions=12, categories=3, words=150, seed=8))
    assert first == again
    assert first != other
    lengths = [len(str(q["answer"]).split()) for q in first]
    assert all(110 <= n <= 190 for n in lengths), lengths
    assert 135 <= sum(lengths) / len(lengths) <= 165, lengths
    assert all(str(q["answer"]).count("\n\n") >= 1 for q in first)  # two paragraphs at least


def test_plain_project_holds_the_same_articles(tmp_path: Path) -> None:
    plain = write_plain_material_project(tmp_path / "plain", questions=30, categories=5)
    urls = synthetic_article_urls(30, categories=5)
    questions = {str(q["id"]): str(q["question"]) for q in _questions(write_synthetic_project(tmp_path / "hc", 30, 5))}
    for url in urls:
        category, article_id = url.strip("/").split("/")
        page = (plain / "docs" / category / f"{article_id}.md").read_text("utf-8")
        assert page.startswith(f"# {questions[article_id]}\n")
    config = yaml.safe_load((plain / "mkdocs.yml").read_text("utf-8"))
    assert "nav" not in config
    assert config["theme"]["features"] == ["navigation.prune"]


def test_measure_site_counts_article_pages_and_search_files(tmp_path: Path) -> None:
    site = tmp_path / "site"
    for url, size in (("a/one/", 100), ("a/two/", 300)):
        (site / url).mkdir(parents=True)
        (site / url / "index.html").write_bytes(b"x" * size)
    (site / "assets" / "search").mkdir(parents=True)
    (site / "assets" / "search" / "index.json").write_bytes(b"y" * 50)
    (site / "assets" / "search" / "index.js").write_bytes(b"z" * 30)
    measured = bench.measure_site(site, ["a/one/", "a/two/"])
    assert (measured.html_avg, measured.html_max) == (200, 300)
    assert measured.search_bytes == 80 and measured.search_per_article == 40
    assert measured.search_files == ["assets/search/index.js", "assets/search/index.json"]


@pytest.mark.slow
def test_benchmark_runs_end_to_end_at_a_tiny_size(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert bench.main(["--sizes", "20", "--categories", "4", "--keep", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "20 questions (20 article pages)" in out
    assert "generator stage (load, validate, render)" in out
    assert out.strip().splitlines()[-1].startswith("| 20 |")


def test_a_multilingual_synthetic_project_builds_each_locales_share(tmp_path: Path,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    project = write_synthetic_project(tmp_path / "hc", questions=20, categories=2, translations={"fr": 1, "de": 0.5})
    assert helpcenter(["--config", str(project / "mkdocs.yml"), "check"]) == 0, capsys.readouterr()
    assert helpcenter(["--config", str(project / "mkdocs.yml"), "translations", "--format", "json"]) == 0
    counts = {locale["locale"]: locale["counts"] for locale in yaml.safe_load(capsys.readouterr().out)["locales"]}
    assert counts["fr"]["missing"] == 0
    assert counts["de"]["translated"] == 10 and counts["de"]["missing"] == counts["fr"]["translated"] - 10
    plain = write_plain_material_project(tmp_path / "plain", 20, 2, translations={"fr": 1, "de": 0.5})
    assert len(list((plain / "docs" / "de").rglob("*.md"))) == 10
    single = yaml.safe_load((write_synthetic_project(tmp_path / "one", 10, 2) / "mkdocs.yml").read_text("utf-8")
                            .replace("!!python/name:", ""))
    assert "locales" not in single["extra"]
