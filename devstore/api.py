"""The store API of the contract (``contract/store-api.yaml``): GET /session and POST /orders/lookup.

Pure functions from a request to a :class:`Response`, so the HTTP layer (server.py) stays thin and the
answers can be read in one place. CORS follows the contract: an allowed origin is echoed (never ``*``),
only /session allows credentials, and Retry-After is exposed so the widget can say how long to wait.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from devstore.db import StoreDatabase

MAX_BODY_BYTES = 8192
_EMAIL = re.compile(r"^[^\s@]+@[^\s@]+\.[^\s@]+$")
_LOOPBACK_HOSTS = ("localhost", "127.0.0.1", "::1")


@dataclass
class Response:
    status: int
    body: bytes = b""
    content_type: str = "application/json; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    """Seconds to wait before answering (the TEST-SLOW order)."""
    drop: bool = False
    """Close the connection without answering (the TEST-DROP order): a network error for the browser."""


def json_response(status: int, payload: Any, headers: Mapping[str, str] | None = None) -> Response:
    body = json.dumps(payload, ensure_ascii=False).encode("utf-8")
    return Response(status, body, headers={"Cache-Control": "no-store", **(headers or {})})


def error(status: int, code: str, message: str, headers: Mapping[str, str] | None = None) -> Response:
    return json_response(status, {"error": {"code": code, "message": message}}, headers)


# --- CORS -----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class OriginPolicy:
    """Which web origins may call the API: the listed ones, plus any loopback origin unless turned off."""

    origins: frozenset[str] = frozenset()
    allow_loopback: bool = True

    def allows(self, origin: str | None) -> bool:
        if not origin:
            return False
        if origin in self.origins:
            return True
        parts = urlsplit(origin)
        return self.allow_loopback and parts.scheme in ("http", "https") and parts.hostname in _LOOPBACK_HOSTS


def cors_headers(policy: OriginPolicy, origin: str | None, *, credentials: bool) -> dict[str, str]:
    headers = {"Vary": "Origin"}
    if origin and policy.allows(origin):
        headers["Access-Control-Allow-Origin"] = origin
        headers["Access-Control-Expose-Headers"] = "Retry-After"
        if credentials:
            headers["Access-Control-Allow-Credentials"] = "true"
    return headers


def preflight(policy: OriginPolicy, origin: str | None, endpoint: str) -> Response:
    """Answer an OPTIONS request; a disallowed origin gets no CORS headers, so the browser stops there."""
    is_session = endpoint == "/session"
    headers = cors_headers(policy, origin, credentials=is_session)
    if "Access-Control-Allow-Origin" in headers:
        headers["Access-Control-Allow-Methods"] = "GET, OPTIONS" if is_session else "POST, OPTIONS"
        headers["Access-Control-Allow-Headers"] = "Content-Type, Accept"
        headers["Access-Control-Max-Age"] = "600"
    return Response(204, headers=headers, content_type="")


# --- GET /session -----------------------------------------------------------------------------------------


def session(db: StoreDatabase, token: str | None) -> Response:
    customer = db.session_customer(token) if token else None
    if customer is None:
        return json_response(200, {"signed_in": False, "first_name": None})
    return json_response(200, {"signed_in": True, "first_name": customer["first_name"]})


# --- POST /orders/lookup ----------------------------------------------------------------------------------


def parse_lookup(body: bytes, content_type: str | None) -> tuple[str, str] | str:
    """The (order number, email) of a lookup request, or a message saying what is malformed."""
    if (content_type or "").split(";")[0].strip().lower() != "application/json":
        return "Send the lookup as JSON (Content-Type: application/json)."
    try:
        payload = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        return "The request body is not valid JSON."
    if not isinstance(payload, dict):
        return "The request body must be a JSON object with order_number and email."
    number, email = payload.get("order_number"), payload.get("email")
    if not isinstance(number, str) or not 1 <= len(number.strip()) <= 40:
        return "order_number must be a string of 1 to 40 characters."
    if not isinstance(email, str) or len(email) > 254 or not _EMAIL.match(email.strip()):
        return "email must be an email address."
    return number.strip().lstrip("#").strip(), email.strip()


def order_payload(order: Mapping[str, Any], store_url: str) -> dict[str, Any]:
    """An order row as the contract's Order object; store pages are addressed by an opaque token."""
    returnable = bool(order["returnable"]) and order["status"] == "delivered"
    return {
        "order_number": order["order_number"],
        "status": order["status"],
        "placed_at": order["placed_at"],
        "status_url": f"{store_url}/account/orders/{order['token']}",
        "items": [{"title": item["title"], "quantity": item["quantity"]} for item in order["items"]],
        "shipments": [dict(ship) for ship in order["shipments"]],
        "can_cancel": bool(order["can_cancel"]),
        "return_url": f"{store_url}/returns/{order['token']}" if returnable else None,
    }


NOT_FOUND_MESSAGE = "No order matches that order number and email address."


def lookup(
    db: StoreDatabase,
    store_url: str,
    body: bytes,
    content_type: str | None,
    test_order: Callable[[str, str], Response | None] | None = None,
) -> Response:
    """Answer a lookup whose rate limit has already been checked; ``test_order`` answers TEST-* numbers."""
    parsed = parse_lookup(body, content_type)
    if isinstance(parsed, str):
        return error(422, "invalid_request", parsed)
    number, email = parsed
    if test_order is not None:
        answer = test_order(number, store_url)
        if answer is not None:
            return answer
    order = db.find_order(number, email)
    if order is None:
        return error(404, "not_found", NOT_FOUND_MESSAGE)
    return json_response(200, order_payload(order, store_url))
