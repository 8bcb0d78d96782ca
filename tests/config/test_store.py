"""Store settings: presets, overrides, environment variables and URL rules."""

from __future__ import annotations

import pytest

from generator.config.store import LINK_NAMES, resolve_store
from generator.errors import ConfigError


def test_shopify_is_the_default_preset() -> None:
    store = resolve_store({"url": "https://shop.example.com"}, {})
    assert store.api_url == "https://shop.example.com/api/help"
    assert store.links["sign-in"] == "https://shop.example.com/account/login"
    assert store.links["forgot-password"] == "https://shop.example.com/account/login#recover"
    assert store.links["contact"] == "https://shop.example.com/pages/contact"
    assert set(store.links) == set(LINK_NAMES)


def test_woocommerce_preset_and_overrides() -> None:
    store = resolve_store({"url": "https://shop.example.com/", "preset": "woocommerce",
                           "links": {"contact": "/help/contact-us/"}}, {})
    assert store.links["orders"] == "https://shop.example.com/my-account/orders/"
    assert store.links["forgot-password"] == "https://shop.example.com/my-account/lost-password/"
    assert store.links["contact"] == "https://shop.example.com/help/contact-us/"


def test_a_store_under_a_path_keeps_its_path() -> None:
    store = resolve_store({"url": "https://example.com/shop"}, {})
    assert store.links["account"] == "https://example.com/shop/account"


def test_environment_overrides_the_configuration() -> None:
    env = {"HELPCENTER_STORE_URL": "http://localhost:8123", "HELPCENTER_STORE_API_URL": "http://127.0.0.1:9/api"}
    store = resolve_store({"url": "https://shop.example.com"}, env)
    assert store.url == "http://localhost:8123"
    assert store.api_url == "http://127.0.0.1:9/api"
    assert store.links["orders"] == "http://localhost:8123/account"


def test_events_go_to_the_api_unless_turned_off() -> None:
    on = resolve_store({"url": "https://shop.example.com"}, {}).to_template_data()
    off = resolve_store({"url": "https://shop.example.com", "events": False}, {}).to_template_data()
    assert on["events_url"] == "https://shop.example.com/api/help/events"
    assert off["events_url"] is None


@pytest.mark.parametrize(("raw", "env", "message"), [
    ({"url": "http://shop.example.com"}, {}, "extra.store.url: 'http://shop.example.com' is not an allowed store URL"),
    ({"url": "javascript:alert(1)"}, {}, "is not an allowed store URL"),
    ({"url": "https://shop.example.com", "api_url": "ftp://x"}, {}, "extra.store.api_url: 'ftp://x'"),
    ({"url": "https://s.example"}, {"HELPCENTER_STORE_URL": "http://10.0.0.1"}, "env HELPCENTER_STORE_URL"),
    ({"url": "https://s.example", "preset": "magento"}, {}, "'magento' is not a preset"),
    ({"url": "https://s.example", "links": {"cart": "/cart"}}, {}, "unknown link 'cart'"),
    ({"url": "https://s.example", "colour": "red"}, {}, "unknown key 'colour'"),
    ({}, {}, "extra.store.url: missing"),
    ({"url": "https://s.example", "events": "no"}, {}, "extra.store.events: 'no' is not true or false"),
])
def test_bad_settings_are_refused_with_a_clear_message(raw: dict[str, object], env: dict[str, str],
                                                        message: str) -> None:
    with pytest.raises(ConfigError, match=message.replace("(", r"\(").replace(")", r"\)")):
        resolve_store(raw, env)


def test_the_image_is_read_here_with_the_logo_as_fallback() -> None:
    base = {"url": "https://shop.example.com"}
    assert resolve_store(base, {}).image is None
    assert resolve_store({**base, "logo": "assets/logo.png"}, {}).image == "assets/logo.png"
    assert resolve_store({**base, "image": "https://cdn.example.com/a.jpg", "logo": "x.png"}, {}).image == (
        "https://cdn.example.com/a.jpg")
