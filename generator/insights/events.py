"""The contract's help-center event (``contract/store-api.yaml``, components/schemas/Event), checked in Python.

Both sides of POST /events read events: the development store refuses a batch that holds a bad one, and
``helpcenter insights`` skips (and names) a bad line of an export. Written out by hand rather than
validated with the contract's JSON Schema because insights checks 100,000 lines in a few seconds and each
problem must read as one short sentence for an editor.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

TYPES = ("search", "result_click", "vote", "contact_click")
REASONS = ("unclear", "incomplete", "outdated", "not_my_question", "other")
MAX_BATCH_EVENTS = 50
MAX_BATCH_BYTES = 64 * 1024

_STRINGS = {"path": 300, "locale": 20, "query": 100, "article": 100, "comment": 300}
"""String properties and their maxLength."""
_KNOWN = {"type", "path", "locale", "at", "query", "results", "article", "rank", "helpful", "reason",
          "comment", "received_at"}


def parse_time(value: str) -> dt.datetime | None:
    """An RFC 3339 date-time (``2026-11-29T08:40:00Z``) as an aware datetime, or None."""
    if not isinstance(value, str) or "T" not in value.upper():
        return None
    try:
        parsed = dt.datetime.fromisoformat(value)
    except ValueError:
        return None
    return parsed if parsed.tzinfo is not None else None


def event_problem(event: Any) -> str | None:
    """Why ``event`` is not an Event of the contract, in a sentence; None when it is one."""
    if not isinstance(event, Mapping):
        return "not a JSON object"
    for name in ("type", "path", "locale", "at"):
        if name not in event:
            return f"'{name}' is missing"
    if event["type"] not in TYPES:
        return f"type '{event['type']}' is not one of {', '.join(TYPES)}"
    for name, longest in _STRINGS.items():
        value = event.get(name)
        if value is not None and not isinstance(value, str):
            return f"'{name}' must be a string"
        if isinstance(value, str) and len(value) > longest:
            return f"'{name}' is longer than {longest} characters"
    for name in ("at", "received_at"):
        if name in event and parse_time(event[name]) is None:
            return f"'{name}' is not a date-time such as 2026-11-29T08:40:00Z"
    return _number_problem(event) or _vote_problem(event)


def _number_problem(event: Mapping[str, Any]) -> str | None:
    for name, least in (("results", 0), ("rank", 1)):
        value = event.get(name)
        if value is None:
            continue
        if not isinstance(value, int) or isinstance(value, bool) or value < least:
            return f"'{name}' must be a whole number of at least {least}"
    return None


def _vote_problem(event: Mapping[str, Any]) -> str | None:
    if "helpful" in event and not isinstance(event["helpful"], bool):
        return "'helpful' must be true or false"
    if "reason" in event and event["reason"] not in REASONS:
        return f"reason '{event['reason']}' is not one of {', '.join(REASONS)}"
    return None


def known_fields(event: Mapping[str, Any]) -> dict[str, Any]:
    """The event with only the contract's properties: anything else a client adds is not kept."""
    return {name: value for name, value in event.items() if name in _KNOWN}


def batch_problem(payload: Any) -> str | None:
    """Why ``payload`` is not an EventBatch (1 to 50 valid events), or None."""
    if not isinstance(payload, Mapping) or not isinstance(payload.get("events"), list):
        return "the body must be a JSON object with an 'events' array"
    events = payload["events"]
    if not 1 <= len(events) <= MAX_BATCH_EVENTS:
        return f"a batch holds 1 to {MAX_BATCH_EVENTS} events, not {len(events)}"
    for number, event in enumerate(events):
        problem = event_problem(event)
        if problem:
            return f"events[{number}]: {problem}"
    return None
