"""README.md is the editors' guide; HOSTING.md, at the root and linked from it, is the guide for whoever
hosts and runs the site. What an editor needs stays in the README, and hosting matters live in HOSTING.md
only, so neither reads as two documents in one."""

from __future__ import annotations

import re

import pytest

from tests.conftest import REPO

EDITOR_TOPICS = ("Where things are", "Add or change a question", "Add a care guide", "Preview",
                 "What the checker says", "Pull requests", "Search", "Languages", "Where translations live",
                 "Feedback and search insights")
HOSTING_TOPICS = ("Publishing", "Store settings", "Build and preview speed",
                  "Security: the Content Security Policy", "Languages on the host")
HOSTING_WORDS = ("_headers", "nginx", "Caddy", ".site.lock", "SOURCE_DATE_EPOCH", "aws s3", "rsync",
                 "frame-ancestors", "keeps nothing between builds", "Perf / A11y / BP / SEO", "_redirects")
"""Words only the hosting guide needs: headers, servers, build locks, reproducible builds, benchmark tables."""


def headings(name: str) -> list[str]:
    return re.findall(r"^#{2,3} (.+)$", (REPO / name).read_text("utf-8"), re.M)


def test_the_readme_keeps_what_an_editor_needs() -> None:
    assert set(EDITOR_TOPICS) <= set(headings("README.md"))


def test_the_hosting_guide_is_at_the_root_and_linked_from_the_readme() -> None:
    assert (REPO / "HOSTING.md").is_file() and not (REPO / "docs" / "HOSTING.md").exists()  # never published
    assert "](HOSTING.md)" in (REPO / "README.md").read_text("utf-8")
    assert set(HOSTING_TOPICS) <= set(headings("HOSTING.md"))


@pytest.mark.parametrize("word", HOSTING_WORDS)
def test_hosting_matters_are_in_the_hosting_guide_only(word: str) -> None:
    assert word in (REPO / "HOSTING.md").read_text("utf-8")
    assert word not in (REPO / "README.md").read_text("utf-8")
