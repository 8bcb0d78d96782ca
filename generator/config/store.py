"""The store's settings (``extra.store`` in mkdocs.yml): base URL, API URL and the pages widgets link to.

The contract is ``shared/store-api.yaml``: link paths default to Shopify's customer-account URLs,
the ``woocommerce`` preset uses WooCommerce's My Account endpoints, each path can be overridden,
and HELPCENTER_STORE_URL / HELPCENTER_STORE_API_URL override the URLs at build time.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from generator.errors import ConfigError

LINK_NAMES = (
    "sign-in",
    "register",
    "forgot-password",
    "account",
    "orders",
    "contact",
    "returns-policy",
    "privacy",
)
"""Every store page the help center links to; content links to them as ``store:<name>``."""

PRESETS: dict[str, dict[str, str]] = {
    "shopify": {
        "sign-in": "/account/login",
        "register": "/account/register",
        "forgot-password": "/account/login#recover",
        "account": "/account",
        "orders": "/account",
        "contact": "/pages/contact",
        "returns-policy": "/policies/refund-policy",
        "privacy": "/policies/privacy-policy",
    },
    "woocommerce": {
        "sign-in": "/my-account/",
        "register": "/my-account/",
        "forgot-password": "/my-account/lost-password/",
        "account": "/my-account/edit-account/",
        "orders": "/my-account/orders/",
        "contact": "/contact/",
        "returns-policy": "/refund_returns/",
        "privacy": "/privacy-policy/",
    },
}

STORE_URL_ENV = "HELPCENTER_STORE_URL"
STORE_API_URL_ENV = "HELPCENTER_STORE_API_URL"
_DEV_HOSTS = ("localhost", "127.0.0.1")
_KNOWN_KEYS = {"name", "url", "api_url", "preset", "links", "logo", "image", "events", "order_numbers"}
_ORDER_PREFIX = re.compile(r"^[A-Z0-9#./_-]{1,20}$")
_ORDER_RULE_KEYS = ("prefix", "digits")


@dataclass(frozen=True)
class OrderNumberRule:
    """How the store writes its order numbers (``extra.store.order_numbers``): the order lookup turns what a
    shopper types ("kw 10153", "KW10153", "10153") into that form before asking the store (hc-widgets.js)."""

    prefix: str = ""
    """What every order number starts with, in capitals: ``KW-``, ``#``."""
    digits: int | None = None
    """How many digits follow the prefix, when that is fixed."""

    def to_template_data(self) -> dict[str, Any]:
        return {"prefix": self.prefix, "digits": self.digits}


@dataclass(frozen=True)
class StoreSettings:
    name: str
    url: str
    api_url: str
    preset: str
    links: Mapping[str, str]
    """Absolute URL of each page in LINK_NAMES."""
    image: str | None = None
    """``image`` (else ``logo``) as written: a full URL or a path on the help center, for link previews
    and structured data."""
    events: bool = True
    """Whether the store takes POST {api_url}/events (contract 1.1.0): feedback and search events."""
    order_numbers: OrderNumberRule | None = None
    """How its order numbers look; without it the lookup only trims and upper-cases what is typed."""

    def link(self, name: str) -> str:
        return self.links[name]

    def to_template_data(self) -> dict[str, Any]:
        """What the theme's templates and the widgets' JS read (``config.extra.hc.store``)."""
        return {
            "name": self.name,
            "url": self.url,
            "api_url": self.api_url,
            "preset": self.preset,
            "links": dict(self.links),
            "events_url": f"{self.api_url}/events" if self.events else None,
            "order_numbers": self.order_numbers.to_template_data() if self.order_numbers else None,
        }


def check_url(url: str, field: str) -> str:
    """A store URL must be https, or http on localhost for development; returns it without a trailing '/'."""
    parts = urlsplit(url)
    dev_host = parts.scheme == "http" and parts.hostname in _DEV_HOSTS
    if not (parts.scheme == "https" or dev_host) or not parts.hostname:
        raise ConfigError(
            f"{field}: '{url}' is not an allowed store URL; use https://… "
            "(http:// only for localhost or 127.0.0.1 during development)"
        )
    if parts.query or parts.fragment:
        raise ConfigError(f"{field}: '{url}' must not carry a query or fragment")
    return url.rstrip("/")


def resolve_store(raw: Mapping[str, Any] | None, environ: Mapping[str, str] | None = None) -> StoreSettings:
    """Turn ``extra.store`` plus the environment into validated, absolute settings."""
    environ = os.environ if environ is None else environ
    raw = dict(raw or {})
    unknown = sorted(set(raw) - _KNOWN_KEYS)
    if unknown:
        raise ConfigError(f"extra.store: unknown key '{unknown[0]}'; known keys: {', '.join(sorted(_KNOWN_KEYS))}")
    url_field = f"env {STORE_URL_ENV}" if environ.get(STORE_URL_ENV) else "extra.store.url"
    raw_url = environ.get(STORE_URL_ENV) or raw.get("url")
    if not isinstance(raw_url, str) or not raw_url:
        raise ConfigError("extra.store.url: missing; set the store's base URL, e.g. https://shop.example.com")
    url = check_url(raw_url, url_field)
    api_field = f"env {STORE_API_URL_ENV}" if environ.get(STORE_API_URL_ENV) else "extra.store.api_url"
    raw_api = environ.get(STORE_API_URL_ENV) or raw.get("api_url") or f"{url}/api/help"
    api_url = check_url(str(raw_api), api_field)
    preset = raw.get("preset", "shopify")
    if preset not in PRESETS:
        raise ConfigError(f"extra.store.preset: '{preset}' is not a preset; use one of: {', '.join(PRESETS)}")
    events = raw.get("events", True)
    if not isinstance(events, bool):
        raise ConfigError(
            f"extra.store.events: '{events}' is not true or false; false turns feedback and search events off"
        )
    return StoreSettings(
        events=events,
        name=str(raw.get("name") or "Store"),
        url=url,
        api_url=api_url,
        preset=preset,
        links=_resolve_links(url, PRESETS[preset], raw.get("links") or {}),
        image=str(image) if (image := raw.get("image") or raw.get("logo")) else None,
        order_numbers=order_number_rule(raw.get("order_numbers")),
    )


def order_number_rule(raw: Any, where: str = "extra.store.order_numbers") -> OrderNumberRule | None:
    """``extra.store.order_numbers`` checked: ``{prefix: KW-, digits: 5}``, either key optional, not both."""
    if raw is None:
        return None
    example = "e.g. order_numbers: {prefix: KW-, digits: 5} for numbers such as KW-10153"
    if not isinstance(raw, Mapping) or not raw:
        raise ConfigError(f"{where}: expected a mapping with prefix and/or digits; {example}")
    unknown = sorted(str(key) for key in set(raw) - set(_ORDER_RULE_KEYS))
    if unknown:
        raise ConfigError(f"{where}: unknown key '{unknown[0]}'; known keys: {', '.join(_ORDER_RULE_KEYS)}; {example}")
    prefix = _order_prefix(raw.get("prefix"), where)
    return OrderNumberRule(prefix=prefix, digits=_order_digits(raw.get("digits"), where))


def _order_prefix(prefix: Any, where: str) -> str:
    if prefix is None:
        return ""
    if not isinstance(prefix, str) or not _ORDER_PREFIX.match(prefix.upper()):
        raise ConfigError(f"{where}.prefix: '{prefix}' is not an order-number prefix; write what every order number "
                          "starts with, 1 to 20 letters, digits or - # . / _, e.g. KW- or #")
    if prefix != prefix.upper():
        raise ConfigError(f"{where}.prefix: '{prefix}' has small letters; the lookup compares order numbers in "
                          f"capitals, so write it as the store prints it: '{prefix.upper()}'")
    if prefix[-1].isdigit():
        raise ConfigError(f"{where}.prefix: '{prefix}' ends with a digit, so the lookup cannot tell where the "
                          "number starts; give the letters only (and any separator), e.g. KW-")
    return prefix


def _order_digits(digits: Any, where: str) -> int | None:
    if digits is None:
        return None
    if isinstance(digits, bool) or not isinstance(digits, int) or not 1 <= digits <= 20:
        raise ConfigError(f"{where}.digits: '{digits}' is not a number of digits; write how many digits follow "
                          "the prefix (1 to 20), e.g. 5 for KW-10153, or leave it out when it varies")
    return digits


def resolve_links(base: str, preset_name: str, overrides: Any, where: str = "extra.store.links") -> dict[str, str]:
    """Every store link as an absolute URL: the preset's paths with ``overrides`` (also per locale)."""
    return _resolve_links(base, PRESETS[preset_name], overrides, where)


def _resolve_links(base: str, preset: Mapping[str, str], overrides: Any,
                   where: str = "extra.store.links") -> dict[str, str]:
    if not isinstance(overrides, Mapping):
        raise ConfigError(f"{where}: must be a mapping of link name to path")
    unknown = sorted(set(overrides) - set(LINK_NAMES))
    if unknown:
        raise ConfigError(f"{where}: unknown link '{unknown[0]}'; known links: {', '.join(LINK_NAMES)}")
    links = {}
    for name in LINK_NAMES:
        path = str(overrides.get(name, preset[name]))
        # Paths are relative to the store's base URL (which may itself have a path); a full URL is
        # taken as it is, so a store can point a link at another host (a helpdesk, say).
        absolute = path if "://" in path else base + "/" + path.lstrip("/")
        without_fragment = absolute.partition("#")[0]
        check_url(without_fragment, f"{where}.{name}")
        links[name] = absolute
    return links
