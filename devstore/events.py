"""POST /events of the contract (1.1.0): anonymous feedback and search events, kept in the store's database.

The help center sends each batch with ``fetch(..., {mode: "no-cors", credentials: "omit"})`` as
``text/plain`` JSON and never reads the answer, so this path needs no CORS header; the answers are for
other clients and tests: 204, 400 (not an event batch), 413 (over 64 KiB), 429 with Retry-After.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator
from typing import IO, Any

from devstore.api import Response, error
from devstore.db import StoreDatabase
from generator.insights.events import MAX_BATCH_BYTES, batch_problem, known_fields

_CONTENT_TYPES = ("text/plain", "application/json")


def accept(db: StoreDatabase, body: bytes, content_type: str | None, now: dt.datetime | None = None) -> Response:
    """Check and store one batch whose size and rate limit have already been checked."""
    if (content_type or "").split(";")[0].strip().lower() not in _CONTENT_TYPES:
        return error(400, "invalid_request", "Send the batch as JSON (Content-Type: text/plain;charset=UTF-8).")
    try:
        payload = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        return error(400, "invalid_request", "The body is not valid JSON.")
    problem = batch_problem(payload)
    if problem:
        return error(400, "invalid_request", f"Not an event batch: {problem}.")
    received = _rfc3339(now or dt.datetime.now(dt.UTC))
    db.add_events([{**known_fields(event), "received_at": received} for event in payload["events"]])
    return Response(204, content_type="", headers={"Cache-Control": "no-store"})


def too_large() -> Response:
    return error(413, "invalid_request", f"A batch is at most {MAX_BATCH_BYTES} bytes.")


def rate_limited(wait: int) -> Response:
    return error(429, "rate_limited", f"Too many batches; try again in {wait} s.", {"Retry-After": str(wait)})


def export_lines(events: Iterable[dict[str, Any]]) -> Iterator[str]:
    """The contract's JSON Lines export: one event a line, as received plus ``received_at``."""
    for event in events:
        yield json.dumps(event, ensure_ascii=False, separators=(",", ":")) + "\n"


def write_export(db: StoreDatabase, out: IO[str]) -> int:
    count = 0
    for line in export_lines(db.events()):
        out.write(line)
        count += 1
    return count


def _rfc3339(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")
