"""Store settings: presets, overrides, environment variables and URL rules."""

from __future__ import annotations

import pytest

from generator.config.store import LINK_NAMES, OrderNumberRule, resolve_store
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


def test_an_order_number_rule_reaches_the_widgets_and_none_is_the_default() -> None:
    store = resolve_store({"url": "https://shop.example.com", "order_numbers": {"prefix": "KW-", "digits": 5}}, {})
    assert store.order_numbers == OrderNumberRule(prefix="KW-", digits=5)
    assert store.to_template_data()["order_numbers"] == {"prefix": "KW-", "digits": 5}
    assert resolve_store({"url": "https://shop.example.com", "order_numbers": {"prefix": "#"}}, {}).order_numbers \
        == OrderNumberRule(prefix="#")
    plain = resolve_store({"url": "https://shop.example.com"}, {})
    assert plain.order_numbers is None and plain.to_template_data()["order_numbers"] is None


@pytest.mark.parametrize(
    ("rule", "message"),
    [
        ("KW-", "order_numbers: expected a mapping with prefix and/or digits; e.g. order_numbers: {prefix: KW-"),
        ({}, "order_numbers: expected a mapping"),
        ({"prefx": "KW-"}, "order_numbers: unknown key 'prefx'; known keys: prefix, digits"),
        ({"prefix": "kw-"}, "order_numbers.prefix: 'kw-' has small letters; the lookup compares order numbers in "
                            "capitals, so write it as the store prints it: 'KW-'"),
        ({"prefix": "KW1"}, "order_numbers.prefix: 'KW1' ends with a digit"),
        ({"prefix": "K W"}, "order_numbers.prefix: 'K W' is not an order-number prefix"),
        ({"prefix": 12}, "order_numbers.prefix: '12' is not an order-number prefix"),
        ({"digits": "5"}, "order_numbers.digits: '5' is not a number of digits"),
        ({"digits": 0}, "order_numbers.digits: '0' is not a number of digits"),
        ({"digits": True}, "order_numbers.digits: 'True' is not a number of digits"),
    ],
)
def test_a_bad_order_number_rule_is_refused_with_the_field_and_a_hint(rule: object, message: str) -> None:
    with pytest.raises(ConfigError) as err:
        resolve_store({"url": "https://shop.example.com", "order_numbers": rule}, {})
    assert str(err.value).startswith("extra.store.")
    assert message in str(err.value)
