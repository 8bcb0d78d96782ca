"""``extra.embed`` in mkdocs.yml: which articles the embedded widget suggests before a shopper types.

```yaml
extra:
  embed:
    topics:                       # data-topic="payment" → these articles (ids of questions or guides)
      payment: [payment-methods, failed-payment]
    pages:                        # the host page's path → a topic; the first rule that matches wins
      - {path: /products/*, topic: care}
      - {path: /checkout*, topic: payment}
```

A topic is a name under ``topics``, a category id (its questions), ``care`` (the care guides) or the id
of one question or guide. Ids are checked against the content when the site is built
(``generator/rendering/embed.py``); the shape is checked here, with the fix in the message.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from generator.errors import ConfigError

CARE_TOPIC = "care"
"""The topic of every care guide."""

_NAME = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_KEYS = ("topics", "pages")
_RULE_KEYS = ("path", "topic")


@dataclass(frozen=True)
class PageRule:
    path: str
    """A host page's path, ``*`` standing for any characters (``/products/*``)."""
    topic: str


@dataclass(frozen=True)
class EmbedSettings:
    topics: Mapping[str, tuple[str, ...]]
    pages: tuple[PageRule, ...]


def _unknown(where: str, key: object, known: tuple[str, ...]) -> ConfigError:
    close = difflib.get_close_matches(str(key), known, n=1)
    hint = f"did you mean '{close[0]}'?" if close else f"known keys: {', '.join(known)}"
    return ConfigError(f"{where}: unknown key '{key}'; {hint}")


def _name(where: str, value: object) -> str:
    if not isinstance(value, str) or not _NAME.match(value):
        raise ConfigError(f"{where}: '{value}' is not an id; write lowercase words joined by hyphens, e.g. shipping")
    return value


def _topics(raw: object) -> dict[str, tuple[str, ...]]:
    if raw is None:
        return {}
    if not isinstance(raw, Mapping):
        raise ConfigError("extra.embed.topics: must map a topic's name to a list of article ids, "
                          "e.g. payment: [payment-methods, failed-payment]")
    topics: dict[str, tuple[str, ...]] = {}
    for name, value in raw.items():
        where = f"extra.embed.topics.{name}"
        _name(f"extra.embed.topics: topic name {name!r}", name)
        ids = [value] if isinstance(value, str) else value
        if not isinstance(ids, list) or not ids:
            raise ConfigError(f"{where}: must be a list of question or guide ids, e.g. [payment-methods]")
        topics[name] = tuple(_name(f"{where}[{n}]", i) for n, i in enumerate(ids, 1))
    return topics


def _rule(n: int, raw: object) -> PageRule:
    where = f"extra.embed.pages[{n}]"
    if not isinstance(raw, Mapping):
        raise ConfigError(f"{where}: must be a mapping like {{path: /products/*, topic: care}}")
    for key in raw:
        if key not in _RULE_KEYS:
            raise _unknown(where, key, _RULE_KEYS)
    path, topic = raw.get("path"), raw.get("topic")
    if not isinstance(path, str) or not path.startswith("/"):
        raise ConfigError(f"{where}.path: '{path}' is not a page path; write the host page's path from its "
                          "first '/', with * for any characters, e.g. /products/*")
    if topic is None:
        raise ConfigError(f"{where}.topic: missing; name a topic, a category id, care, or an article id")
    return PageRule(path, _name(f"{where}.topic", topic))


def resolve_embed(raw: object) -> EmbedSettings:
    """``extra.embed`` as typed settings (empty without it); a ConfigError names the field and the fix."""
    if raw is None:
        return EmbedSettings({}, ())
    if not isinstance(raw, Mapping):
        raise ConfigError("extra.embed: must be a mapping with topics and pages")
    for key in raw:
        if key not in _KEYS:
            raise _unknown("extra.embed", key, _KEYS)
    pages = raw.get("pages") or []
    if not isinstance(pages, list):
        raise ConfigError("extra.embed.pages: must be a list of rules like {path: /products/*, topic: care}")
    return EmbedSettings(_topics(raw.get("topics")), tuple(_rule(n, r) for n, r in enumerate(pages, 1)))


def check_topic(where: str, topic: str, known: set[str]) -> None:
    """A topic must name something the content has: a topic of ``topics``, a category, ``care`` or an article."""
    if topic in known:
        return
    close = difflib.get_close_matches(topic, sorted(known), n=1)
    hint = f"did you mean '{close[0]}'?" if close else "name a topic of extra.embed.topics, a category id, care, " \
        "or a question or guide id"
    raise ConfigError(f"{where}: no topic, category, question or guide is called '{topic}'; {hint}")


def settings_of(extra: Any) -> EmbedSettings:
    return resolve_embed(extra.get("embed") if isinstance(extra, Mapping) else None)
