"""Dates as shoppers read them: one format for the whole site, in the site's language.

Babel formats with the Unicode CLDR's "long" date format for the locale ("November 26, 2026" in English,
"26 novembre 2026" in French), which is exactly what browsers' ``Intl.DateTimeFormat`` gives for
``dateStyle: "long"`` from the same CLDR data: hc-widgets.js uses that for order dates, so a page's
"Last updated" and an order's "Placed on" read the same way (tests/browser/test_widgets.py checks it).
"""

from __future__ import annotations

import datetime as dt
from functools import cache

from babel import Locale, UnknownLocaleError
from babel.dates import format_date

from generator.errors import ConfigError

DATE_STYLE = "long"
"""The CLDR style of every date on the site; hc-widgets.js passes the same to Intl.DateTimeFormat."""


@cache
def site_locale(language: str) -> Locale:
    """The Babel locale of a site language as mkdocs.yml writes it (``en``, ``fr``, ``pt-BR``)."""
    try:
        return Locale.parse(language.replace("-", "_"))
    except (ValueError, UnknownLocaleError):
        raise ConfigError(f"theme.language: '{language}' is not a language code Babel knows; "
                          "use one such as en, fr or pt-BR") from None


def long_date(day: dt.date, language: str) -> str:
    return format_date(day, format=DATE_STYLE, locale=site_locale(language))
