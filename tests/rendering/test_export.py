"""``helpcenter export``: the reference store exported, then built by another engine (Zensical) when installed.

Zensical runs no third-party plugin and renders no theme template but pages, so what the export must
carry is checked twice: the export itself (sitemap and robots.txt ready-made, equal to what MkDocs
publishes) and the site Zensical builds from it, against the built-site checks that apply to any engine.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from generator.config.project import load_project
from generator.rendering.export import export
from generator.rendering.site import generate
from tests import test_built_site as built
from tests.helpers import copy_site_project


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = load_project(copy_site_project(tmp_path_factory.mktemp("project")) / "mkdocs.yml")
    destination = tmp_path_factory.mktemp("export") / "out"
    export(project, generate(project), destination)
    return destination


def zensical() -> str | None:
    found = Path(sys.executable).parent / "zensical"
    return str(found) if found.is_file() else shutil.which("zensical")


@pytest.fixture(scope="module")
def zensical_site(exported: Path) -> Path:
    command = zensical()
    if command is None:
        pytest.skip("Zensical is not installed (pip install -r requirements-dev.lock)")
    result = subprocess.run([command, "build", "--strict"], cwd=exported, capture_output=True, text=True,
                            check=False, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    return exported / "site"


def test_the_export_carries_the_sitemap_and_robots_txt_mkdocs_would_publish(exported: Path, store_site: Path) -> None:
    assert (exported / "theme" / "sitemap.xml").read_bytes() != b""
    assert "{" not in (exported / "theme" / "sitemap.xml").read_text("utf-8"), "template syntax left in the sitemap"
    assert built.sitemap_entries((exported / "theme" / "sitemap.xml").read_bytes()) == built.sitemap_entries(
        (store_site / "sitemap.xml").read_bytes())
    assert (exported / "docs" / "robots.txt").read_text("utf-8") == (store_site / "robots.txt").read_text("utf-8")
    assert not (exported / "theme" / "robots.txt").exists()
    config = yaml.safe_load((exported / "mkdocs.yml").read_text("utf-8"))
    assert "plugins" not in config and "static_templates" not in config["theme"]


ENGINE_NEUTRAL_CHECKS: list[Callable[[Path], None]] = [
    built.test_every_page_has_a_unique_title,
    built.test_article_titles_are_question_then_store_help_center,
    built.test_descriptions_are_unique_plain_and_at_most_160_characters,
    built.test_every_page_has_one_absolute_canonical_url_of_its_own,
    built.test_every_page_declares_its_language,
    built.test_social_cards_repeat_title_description_and_url,
    built.test_the_404_page_is_not_indexed,
    built.test_jsonld_has_the_right_types_for_each_kind_of_page,
    built.test_breadcrumbs_end_at_the_page_and_point_at_real_pages,
    built.test_articles_carry_headline_description_and_date_from_content,
    built.test_category_pages_have_an_faq_of_their_questions_and_answers,
    built.test_home_names_the_site_and_the_store,
    built.test_sitemap_lists_every_page_with_its_content_date,
    built.test_robots_txt_points_at_the_absolute_sitemap,
    built.test_no_link_uses_a_scheme_that_runs_script,
    built.test_no_third_party_request_when_a_page_loads,
]
"""The built-site checks that hold whatever engine builds the export (DESIGN.md says what differs)."""


@pytest.mark.slow
@pytest.mark.parametrize("check", ENGINE_NEUTRAL_CHECKS, ids=lambda check: check.__name__.removeprefix("test_"))
def test_the_site_zensical_builds_from_the_export_passes(check: Callable[[Path], None], zensical_site: Path) -> None:
    check(zensical_site)


@pytest.mark.slow
def test_the_only_dangling_anchor_is_zensicals_own_hidden_skip_link(zensical_site: Path) -> None:
    """Zensical's base template always writes a skip link to ``#__skip``, an anchor our main.html replaces
    (its own skip link goes to ``#hc-content``); hc.css hides Zensical's, so no one can follow it."""
    broken = built.broken_internal_links(zensical_site)
    assert broken and all(line.endswith("#__skip -> no id '__skip'") for line in broken), broken
    assert sum(1 for _ in built.internal_targets(zensical_site)) > 100  # the walk did see the links
