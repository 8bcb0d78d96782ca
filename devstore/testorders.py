"""Order numbers that make the development store misbehave on purpose — DEVELOPMENT AND TEST ONLY.

A real store never answers like this on purpose, but a help center has to survive every one of these,
so the browser tests (and an editor trying the preview) can trigger each failure deterministically.
They answer whatever the email is (it still has to be well formed, or the request is a 422), and do not count
against the lookup limit, so every one can be tried in a minute (TEST-429 shows the limit's message):

==============  ====================================================================================
TEST-422        422 invalid_request, as if the store rejected what the widget sent
TEST-429        429 rate_limited with ``Retry-After: 42``
TEST-500        500 internal (a JSON error body)
TEST-503        503 with an HTML body, like a proxy's error page
TEST-NOTJSON    200 with an HTML body instead of JSON
TEST-BADSHAPE   200 with JSON that is not an Order
TEST-HOSTILE    200 with an Order full of ``<script>`` strings and ``javascript:``/``data:`` links
TEST-SLOW       the found order, but only after ``slow_seconds`` (12 by default, past the widget's 10 s)
TEST-DROP       the connection is closed without an answer (a network error for the browser)
==============  ====================================================================================
"""

from __future__ import annotations

from collections.abc import Callable

from devstore.api import Response, error, json_response

HOSTILE = "<script>document.title='pwned'</script><img src=x onerror=\"document.title='pwned'\">"
RETRY_AFTER_SECONDS = 42


def _order(number: str, store_url: str, **overrides: object) -> dict[str, object]:
    order: dict[str, object] = {
        "order_number": number,
        "status": "in_transit",
        "placed_at": "2025-03-03T09:41:00Z",
        "status_url": f"{store_url}/account",
        "items": [{"title": "Canvas Backpack 20 L — Olive", "quantity": 1}],
        "shipments": [
            {
                "carrier": "DHL Express",
                "tracking_number": "4829301746",
                "tracking_url": "https://www.dhl.com/global-en/home/tracking/tracking-express.html?tracking-id=4829301746",
                "status": "In transit",
                "estimated_delivery": "2025-03-12",
            }
        ],
        "can_cancel": False,
        "return_url": None,
    }
    order.update(overrides)
    return order


def _hostile(store_url: str) -> Response:
    order = _order(
        f"{HOSTILE}TEST-HOSTILE",
        store_url,
        status="delivered",
        status_url="javascript:document.title='pwned'",
        items=[{"title": HOSTILE, "quantity": 1}, {"title": '<b>bold?</b> & "quotes"', "quantity": 2}],
        shipments=[
            {
                "carrier": HOSTILE,
                "tracking_number": "<a href=javascript:alert(1)>click</a>",
                "tracking_url": "javascript:document.title='pwned'",
                "status": HOSTILE,
                "estimated_delivery": "<script>",
            },
            {
                "carrier": "Evil Post",
                "tracking_number": "1",
                "tracking_url": "data:text/html,<script>alert(1)</script>",
            },
        ],
        can_cancel=True,
        return_url="  JaVaScRiPt:document.title='pwned'",
    )
    return json_response(200, order)


def _html(status: int, title: str) -> Response:
    body = f"<!doctype html><title>{title}</title><h1>{title}</h1>".encode()
    return Response(status, body, content_type="text/html; charset=utf-8")


def answers(slow_seconds: float) -> dict[str, Callable[[str], Response]]:
    """Each test order number and its answer, given the store's base URL."""
    return {
        "TEST-422": lambda _url: error(422, "invalid_request", "The store could not read this request."),
        "TEST-429": lambda _url: error(
            429, "rate_limited", "Too many lookups.", {"Retry-After": str(RETRY_AFTER_SECONDS)}
        ),
        "TEST-500": lambda _url: error(500, "internal", "Something went wrong in the store."),
        "TEST-503": lambda _url: _html(503, "503 Service Unavailable"),
        "TEST-NOTJSON": lambda _url: _html(200, "Welcome to our shop"),
        "TEST-BADSHAPE": lambda _url: json_response(200, {"orders": [], "status": 7}),
        "TEST-HOSTILE": _hostile,
        "TEST-SLOW": lambda url: _slow(json_response(200, _order("TEST-SLOW", url)), slow_seconds),
        "TEST-DROP": lambda _url: Response(0, drop=True),
    }


def is_test_order(order_number: str) -> bool:
    """One of the numbers above (any case): the development store answers it without counting it."""
    return order_number.upper() in answers(0)


def _slow(response: Response, seconds: float) -> Response:
    response.delay = seconds
    return response


def responder(slow_seconds: float) -> Callable[[str, str], Response | None]:
    """The ``test_order`` hook of :func:`devstore.api.lookup`."""
    table = answers(slow_seconds)

    def answer(order_number: str, store_url: str) -> Response | None:
        make = table.get(order_number.upper())
        return make(store_url) if make else None

    return answer
