"""Unit tests of generator.rendering.seo: last-modified dates and JSON-LD shapes."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
from pathlib import Path
from typing import Any

from generator.reading.model import Category, Guide, HelpCenter, Location, Question
from generator.rendering import seo

SITE = seo.SiteInfo(
    site_url="https://help.example.com/",
    site_name="Example Help Center",
    store_name="Example",
    store_url="https://shop.example.com",
)


def question(qid: str, answer: str, category: str = "shipping", **kwargs: object) -> Question:
    return Question(id=qid, question=f"What about {qid}?", answer=answer, category_id=category, **kwargs)  # type: ignore[arg-type]


# --- last-modified dates ------------------------------------------------------------------


def _git(cwd: Path, *args: str, date: str = "2024-03-05T12:00:00+00:00") -> None:
    env = {"GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date, "HOME": str(cwd), "PATH": "/usr/bin:/bin"}
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, env=env)


def test_last_modified_prefers_updated_then_the_last_commit_date(tmp_path: Path) -> None:
    _git(tmp_path, "init", "-q")
    _git(tmp_path, "config", "user.email", "t@example.com")
    _git(tmp_path, "config", "user.name", "t")
    (tmp_path / "content").mkdir()
    (tmp_path / "content/a.yml").write_text("a: 1\n")
    (tmp_path / "content/new.yml").write_text("b: 1\n")
    _git(tmp_path, "add", "content/a.yml")
    _git(tmp_path, "commit", "-qm", "a")
    seo.git_commit_date.cache_clear()
    assert seo.last_modified(dt.date(2025, 1, 2), "content/a.yml", tmp_path) == dt.date(2025, 1, 2)
    assert seo.last_modified(None, "content/a.yml", tmp_path) == dt.date(2024, 3, 5)
    assert seo.last_modified(None, "content/new.yml", tmp_path) is None  # never committed


def test_last_modified_outside_git_is_none(tmp_path: Path) -> None:
    (tmp_path / "a.yml").write_text("a: 1\n")
    seo.git_commit_date.cache_clear()
    assert seo.last_modified(None, "a.yml", tmp_path) is None


def test_listing_pages_take_the_latest_date_of_what_they_list(tmp_path: Path) -> None:
    hc = HelpCenter(
        categories=[
            Category(
                "shipping",
                "Shipping",
                "About shipping.",
                1,
                [
                    question("a", "A.", updated=dt.date(2024, 1, 1)),
                    question("b", "B.", updated=dt.date(2024, 6, 1)),
                ],
            )
        ],
        guides=[Guide("leather", "Leather", "Leather care.", 1, "Body.", updated=dt.date(2025, 2, 2))],
    )
    dates = seo.site_lastmods(hc, tmp_path)
    assert dates["shipping/index.md"] == "2024-06-01"
    assert dates["care/index.md"] == "2025-02-02"
    assert dates["index.md"] == "2025-02-02"
    assert dates["shipping/a.md"] == "2024-01-01"


# --- JSON-LD ------------------------------------------------------------------------------


def _site_seo() -> seo.SiteSeo:
    q = question("late", "It ships **soon**.\n\n- step one", updated=dt.date(2024, 2, 3))
    hc = HelpCenter(
        categories=[Category("shipping", "Shipping", "About shipping.", 1, [q], Location("content/faq/shipping.yml"))],
        guides=[Guide("leather", "Leather care", "Keep leather supple.", 1, "Body.", location=Location(""))],
    )
    return seo.SiteSeo.build(hc, SITE, Path("/nonexistent"), "Home.", "Care.")


def _graph(path: str) -> list[dict[str, Any]]:
    document = json.loads(_site_seo().fields(path)["hc"]["jsonld"])
    assert document["@context"] == "https://schema.org"
    nodes: list[dict[str, Any]] = document["@graph"]
    return nodes


def _types(nodes: list[dict[str, Any]]) -> list[object]:
    return [n["@type"] for n in nodes]


def test_home_has_website_and_organization() -> None:
    nodes = _graph("index.md")
    assert _types(nodes) == ["WebSite", "Organization"]
    website, org = nodes
    assert website["url"] == "https://help.example.com/"
    assert website["publisher"] == {"@id": org["@id"]}
    assert org["url"] == "https://shop.example.com"


def test_article_has_breadcrumbs_and_article_with_date_and_description() -> None:
    fields = _site_seo().fields("shipping/late.md")
    crumbs, node = _graph("shipping/late.md")
    assert [i["item"] for i in crumbs["itemListElement"]] == [
        "https://help.example.com/",
        "https://help.example.com/shipping/",
        "https://help.example.com/shipping/late/",
    ]
    assert [i["position"] for i in crumbs["itemListElement"]] == [1, 2, 3]
    assert node["@type"] == "Article"
    assert node["headline"] == "What about late?"
    assert node["description"] == fields["description"] == "It ships soon."
    assert node["dateModified"] == fields["hc"]["lastmod"] == "2024-02-03"
    assert node["author"]["@type"] == node["publisher"]["@type"] == "Organization"


def test_guide_without_a_date_has_no_date_modified() -> None:
    crumbs, node = _graph("care/leather.md")
    assert crumbs["itemListElement"][1]["item"] == "https://help.example.com/care/"
    assert node["@type"] == "Article"
    assert "dateModified" not in node


def test_category_has_an_faq_page_with_plain_text_answers() -> None:
    crumbs, faq = _graph("shipping/index.md")
    assert crumbs["@type"] == "BreadcrumbList"
    assert faq["@type"] == "FAQPage"
    (entity,) = faq["mainEntity"]
    assert entity["@type"] == "Question"
    assert entity["name"] == "What about late?"
    assert entity["acceptedAnswer"] == {"@type": "Answer", "text": "It ships soon.\n- step one"}


def test_jsonld_urls_are_absolute() -> None:
    for path in ["index.md", "shipping/index.md", "shipping/late.md", "care/index.md", "care/leather.md"]:
        urls = [v for v in _strings(_graph(path)) if v.startswith(("http", "/"))]
        assert urls
        assert all(u.startswith("https://") for u in urls), path


def _strings(node: object) -> list[str]:
    if isinstance(node, dict):
        return [s for v in node.values() for s in _strings(v)]
    if isinstance(node, list):
        return [s for v in node for s in _strings(v)]
    return [node] if isinstance(node, str) else []


def test_jsonld_is_safe_inside_a_script_element() -> None:
    text = seo.graph_json([{"@type": "Thing", "name": "</script><b>Tom & Jerry</b>"}])
    assert "<" not in text
    assert ">" not in text
    assert "&" not in text
    assert json.loads(text)["@graph"][0]["name"] == "</script><b>Tom & Jerry</b>"


def test_absolute_url_keeps_full_urls_and_roots_paths() -> None:
    assert seo.absolute_url("https://h.example/help/", "assets/og.png") == "https://h.example/help/assets/og.png"
    assert seo.absolute_url("https://h.example/", "https://cdn.example/x.png") == "https://cdn.example/x.png"
    assert seo.absolute_url("https://h.example/", None) is None
