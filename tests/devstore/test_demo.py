"""The development store's product page with the embedded widget (``make serve``), and without it."""

from __future__ import annotations

import urllib.request
from collections.abc import Iterator

import pytest

from devstore import DevStoreOptions, DevStoreServer, start_in_thread, stop
from devstore.demo import PATH


@pytest.fixture
def store() -> Iterator[DevStoreServer]:
    server = start_in_thread(DevStoreOptions(quiet=True, help_center_url="http://127.0.0.1:8123/"))
    yield server
    stop(server)


def get(url: str) -> tuple[str, str]:
    with urllib.request.urlopen(url, timeout=5) as response:  # localhost only
        return response.read().decode("utf-8"), response.headers["Content-Security-Policy"]


def test_the_product_page_carries_the_tag_under_a_strict_policy(store: DevStoreServer) -> None:
    page, policy = get(store.url + PATH)
    assert '<script src="http://127.0.0.1:8123/assets/embed.js" async></script>' in page
    assert f"script-src http://127.0.0.1:8123; connect-src http://127.0.0.1:8123 {store.url};" in policy
    assert "style-src 'self';" in policy and "unsafe" not in policy
    assert 'href="/products/enamel-mug"' in get(store.url + "/")[0]


def test_without_widget_leaves_the_tag_out(store: DevStoreServer) -> None:
    page, _ = get(store.url + PATH + "?without-widget")
    assert "embed.js" not in page.split('class="dev"')[1].split("</p>", 1)[1]


def test_without_a_preview_the_page_says_how_to_see_the_widget() -> None:
    server = start_in_thread(DevStoreOptions(quiet=True))
    try:
        page, policy = get(server.url + PATH)
    finally:
        stop(server)
    assert "<script" not in page and "make serve" in page and "script-src" not in policy
