"""HTTP-level tests of the development store against the store backend contract (contract/store-api.yaml)."""

from __future__ import annotations

import datetime as dt
import http.client
import json
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urlsplit

import jsonschema
import pytest
import yaml
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from devstore import DevStoreOptions, DevStoreServer, start_in_thread, stop, testorders
from devstore.__main__ import parse_args
from devstore.db import StoreDatabase
from devstore.preview import demo_store
from devstore.ratelimit import RateLimiter
from devstore.samples import ORDERS
from devstore.testorders import RETRY_AFTER_SECONDS
from generator.config.store import PRESETS, STORE_API_URL_ENV, STORE_URL_ENV, resolve_store
from tests.conftest import REPO

CONTRACT = REPO / "contract" / "store-api.yaml"
SHARED_CONTRACT = REPO.parent / "shared" / "store-api.yaml"
ORIGIN = "http://127.0.0.1:8000"


# --- the contract -----------------------------------------------------------------------------------------


def _contract() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load(CONTRACT.read_text(encoding="utf-8"))
    return loaded


def _validator(pointer: str) -> jsonschema.Draft202012Validator:
    """A validator for one schema of the contract, with its $refs resolved inside the contract."""
    resource = Resource.from_contents(_contract(), default_specification=DRAFT202012)
    registry: Registry[Any] = Registry().with_resource("urn:store-api", resource)
    return jsonschema.Draft202012Validator(
        {"$ref": f"urn:store-api#{pointer}"}, registry=registry, format_checker=jsonschema.FormatChecker()
    )


def _schema_of(path: str, method: str, status: str) -> str:
    return f"/paths/{path.replace('/', '~1')}/{method}/responses/{status}/content/application~1json/schema"


def assert_matches(payload: Any, pointer: str) -> None:
    errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in _validator(pointer).iter_errors(payload)]
    assert not errors, errors


def test_contract_copy_is_identical_to_the_shared_source_of_truth() -> None:
    if not SHARED_CONTRACT.exists():
        pytest.skip("../shared/store-api.yaml is not beside this clone")
    assert CONTRACT.read_bytes() == SHARED_CONTRACT.read_bytes(), "copy ../shared/store-api.yaml to contract/"


# --- a store per test module, and a small HTTP client ----------------------------------------------


@pytest.fixture(scope="module")
def store() -> Iterator[DevStoreServer]:
    server = start_in_thread(DevStoreOptions(quiet=True, lookups_per_minute=1000, slow_seconds=0.5))
    yield server
    stop(server)


class Answer:
    def __init__(self, response: http.client.HTTPResponse) -> None:
        self.status = response.status
        self.headers = response.headers
        self.body = response.read()

    def json(self) -> Any:
        assert self.headers.get_content_type() == "application/json", self.body[:200]
        return json.loads(self.body)


def request(
    server: DevStoreServer,
    method: str,
    path: str,
    body: bytes | None = None,
    headers: dict[str, str] | None = None,
) -> Answer:
    host, port = urlsplit(server.url).hostname or "", urlsplit(server.url).port
    conn = http.client.HTTPConnection(host, port, timeout=10)
    try:
        conn.request(method, path, body=body, headers=headers or {})
        return Answer(conn.getresponse())
    finally:
        conn.close()


def lookup(server: DevStoreServer, payload: Any, origin: str | None = ORIGIN, **headers: str) -> Answer:
    sent = {"Content-Type": "application/json", **headers}
    if origin:
        sent["Origin"] = origin
    body = payload if isinstance(payload, bytes) else json.dumps(payload).encode()
    return request(server, "POST", "/api/help/orders/lookup", body, sent)


def sign_in(server: DevStoreServer, email: str) -> str:
    """Sign in through the store's form; returns the Cookie header to send."""
    form = urlencode({"email": email, "password": "anything"}).encode()
    answer = request(server, "POST", "/account/login", form, {"Content-Type": "application/x-www-form-urlencoded"})
    assert answer.status == 303
    return answer.headers["Set-Cookie"].split(";")[0]


# --- GET /session -------------------------------------------------------------------------------------------


def test_session_signed_out_matches_the_contract_with_credentialed_cors(store: DevStoreServer) -> None:
    answer = request(store, "GET", "/api/help/session", headers={"Origin": ORIGIN})
    assert answer.status == 200
    assert answer.json() == {"signed_in": False, "first_name": None}
    assert_matches(answer.json(), _schema_of("/session", "get", "200"))
    assert answer.headers["Access-Control-Allow-Origin"] == ORIGIN
    assert answer.headers["Access-Control-Allow-Credentials"] == "true"
    assert "Origin" in answer.headers["Vary"]


def test_signing_in_on_the_store_page_makes_the_session_signed_in(store: DevStoreServer) -> None:
    cookie = sign_in(store, "Chloe.Martin@example.com")
    answer = request(store, "GET", "/api/help/session", headers={"Origin": ORIGIN, "Cookie": cookie})
    assert answer.json() == {"signed_in": True, "first_name": "Chloé"}
    assert_matches(answer.json(), _schema_of("/session", "get", "200"))
    logout = request(store, "POST", "/account/logout", b"", {"Cookie": cookie})
    assert "Max-Age=0" in logout.headers["Set-Cookie"]
    after = request(store, "GET", "/api/help/session", headers={"Cookie": cookie})
    assert after.json()["signed_in"] is False


def test_registering_signs_the_new_shopper_in(store: DevStoreServer) -> None:
    form = urlencode({"first_name": "Dana", "email": "dana@example.com", "password": "x"}).encode()
    answer = request(store, "POST", "/account/register", form, {"Content-Type": "application/x-www-form-urlencoded"})
    assert answer.status == 303
    cookie = answer.headers["Set-Cookie"].split(";")[0]
    session = request(store, "GET", "/api/help/session", headers={"Cookie": cookie}).json()
    assert session == {"signed_in": True, "first_name": "Dana"}


def test_sign_in_with_an_unknown_email_does_not_start_a_session(store: DevStoreServer) -> None:
    form = urlencode({"email": "nobody@example.com"}).encode()
    answer = request(store, "POST", "/account/login", form, {"Content-Type": "application/x-www-form-urlencoded"})
    assert answer.status == 401
    assert "Set-Cookie" not in answer.headers


def test_a_forged_session_cookie_is_signed_out(store: DevStoreServer) -> None:
    answer = request(store, "GET", "/api/help/session", headers={"Cookie": "devstore_session=forged"})
    assert answer.json()["signed_in"] is False


# --- POST /orders/lookup ------------------------------------------------------------------------------------


@pytest.mark.parametrize("sample", ORDERS, ids=[o.order_number for o in ORDERS])
def test_every_sample_order_is_found_and_matches_the_contract(store: DevStoreServer, sample: Any) -> None:
    answer = lookup(store, {"order_number": sample.order_number, "email": sample.email})
    assert answer.status == 200
    order = answer.json()
    assert_matches(order, _schema_of("/orders/lookup", "post", "200"))
    assert (order["order_number"], order["status"]) == (sample.order_number, sample.status)
    assert order["can_cancel"] is (sample.status in ("pending_payment", "processing", "on_hold"))
    assert (order["return_url"] is not None) is (sample.returnable and sample.status == "delivered")
    assert len(order["shipments"]) == len(sample.shipments)
    assert all(s["carrier"] and s["tracking_number"] and s["tracking_url"] for s in order["shipments"])
    assert dt.datetime.fromisoformat(order["placed_at"]).tzinfo is not None
    assert answer.headers["Access-Control-Allow-Origin"] == ORIGIN
    assert "Access-Control-Allow-Credentials" not in answer.headers  # the lookup is made without credentials


def test_the_samples_cover_every_status_of_the_contract() -> None:
    statuses = _contract()["components"]["schemas"]["Order"]["properties"]["status"]["enum"]
    assert sorted({o.status for o in ORDERS}) == sorted(statuses)


def test_lookup_ignores_case_spaces_and_a_leading_hash(store: DevStoreServer) -> None:
    answer = lookup(store, {"order_number": "  #ord-10117 ", "email": " ADA.Lovelace@Example.com "})
    assert answer.status == 200
    assert answer.json()["order_number"] == "ORD-10117"


def test_the_status_and_return_urls_open_store_pages(store: DevStoreServer) -> None:
    order = lookup(store, {"order_number": "ORD-10117", "email": "ada.lovelace@example.com"}).json()
    for url in (order["status_url"], order["return_url"]):
        assert url.startswith(store.url + "/")
        page = request(store, "GET", urlsplit(url).path)
        assert page.status == 200
        assert b"ORD-10117" in page.body


def test_a_wrong_number_and_a_wrong_email_get_the_same_404(store: DevStoreServer) -> None:
    wrong_number = lookup(store, {"order_number": "ORD-99999", "email": "ada.lovelace@example.com"})
    wrong_email = lookup(store, {"order_number": "ORD-10117", "email": "someone.else@example.com"})
    assert wrong_number.status == wrong_email.status == 404
    assert wrong_number.body == wrong_email.body
    assert_matches(wrong_number.json(), _schema_of("/orders/lookup", "post", "404"))
    assert wrong_number.json()["error"]["code"] == "not_found"
    assert wrong_number.headers["Access-Control-Allow-Origin"] == ORIGIN  # so the widget can read it


MALFORMED = {
    "not JSON": b"{order_number:",
    "not an object": b'["ORD-10117", "ada.lovelace@example.com"]',
    "no email": b'{"order_number": "ORD-10117"}',
    "no order number": b'{"email": "ada.lovelace@example.com"}',
    "empty order number": b'{"order_number": " ", "email": "ada.lovelace@example.com"}',
    "order number too long": json.dumps({"order_number": "K" * 41, "email": "a@example.com"}).encode(),
    "number not a string": b'{"order_number": 10117, "email": "ada.lovelace@example.com"}',
    "email not an email": b'{"order_number": "ORD-10117", "email": "ada.lovelace"}',
    "email too long": json.dumps({"order_number": "KW-1", "email": "a" * 250 + "@example.com"}).encode(),
    "not UTF-8": b'{"order_number": "\xff", "email": "a@example.com"}',
}


@pytest.mark.parametrize("body", MALFORMED.values(), ids=MALFORMED.keys())
def test_malformed_lookups_are_422(store: DevStoreServer, body: bytes) -> None:
    answer = lookup(store, body)
    assert answer.status == 422
    assert_matches(answer.json(), _schema_of("/orders/lookup", "post", "422"))
    assert answer.json()["error"]["code"] == "invalid_request"


def test_a_lookup_that_is_not_sent_as_json_is_422(store: DevStoreServer) -> None:
    body = urlencode({"order_number": "ORD-10117", "email": "ada.lovelace@example.com"}).encode()
    answer = lookup(store, body, **{"Content-Type": "application/x-www-form-urlencoded"})
    assert answer.status == 422


def test_a_body_larger_than_the_limit_is_422(store: DevStoreServer) -> None:
    answer = lookup(store, b'{"order_number": "' + b"x" * 10_000 + b'"}')
    assert answer.status == 422


def test_lookups_beyond_the_limit_are_429_with_retry_after() -> None:
    server = start_in_thread(DevStoreOptions(quiet=True, lookups_per_minute=3))
    try:
        payload = {"order_number": "ORD-10117", "email": "ada.lovelace@example.com"}
        statuses = [lookup(server, payload).status for _ in range(3)]
        limited = lookup(server, payload)
    finally:
        stop(server)
    assert statuses == [200, 200, 200]
    assert limited.status == 429
    assert 1 <= int(limited.headers["Retry-After"]) <= 60
    assert_matches(limited.json(), _schema_of("/orders/lookup", "post", "429"))
    assert limited.json()["error"]["code"] == "rate_limited"
    assert limited.headers["Access-Control-Expose-Headers"] == "Retry-After"


def test_the_rate_limit_window_slides() -> None:
    now = [100.0]
    limiter = RateLimiter(2, window=60, clock=lambda: now[0])
    assert limiter.check("a") is None
    now[0] = 130.0
    assert limiter.check("a") is None
    assert limiter.check("a") == 30  # the first lookup leaves the window at 160
    assert limiter.check("b") is None  # another client has its own budget
    now[0] = 160.5
    assert limiter.check("a") is None


# --- CORS ---------------------------------------------------------------------------------------------------


def test_lookup_preflight_allows_a_json_post_from_the_help_center() -> None:
    server = start_in_thread(DevStoreOptions(quiet=True, origins=frozenset({"https://help.example.com"})))
    try:
        headers = {
            "Origin": "https://help.example.com",
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "content-type",
        }
        answer = request(server, "OPTIONS", "/api/help/orders/lookup", headers=headers)
    finally:
        stop(server)
    assert answer.status == 204
    assert answer.headers["Access-Control-Allow-Origin"] == "https://help.example.com"
    assert "POST" in answer.headers["Access-Control-Allow-Methods"]
    assert "content-type" in answer.headers["Access-Control-Allow-Headers"].lower()
    assert "Access-Control-Allow-Credentials" not in answer.headers


def test_session_preflight_allows_credentials(store: DevStoreServer) -> None:
    answer = request(store, "OPTIONS", "/api/help/session", headers={"Origin": ORIGIN})
    assert answer.headers["Access-Control-Allow-Origin"] == ORIGIN
    assert answer.headers["Access-Control-Allow-Credentials"] == "true"


@pytest.mark.parametrize("origin", ["https://evil.example", "null", "http://127.0.0.1.evil.example"])
def test_other_origins_get_no_cors_headers(store: DevStoreServer, origin: str) -> None:
    for answer in (
        request(store, "GET", "/api/help/session", headers={"Origin": origin}),
        request(store, "OPTIONS", "/api/help/orders/lookup", headers={"Origin": origin}),
        lookup(store, {"order_number": "ORD-10117", "email": "ada.lovelace@example.com"}, origin=origin),
    ):
        assert "Access-Control-Allow-Origin" not in answer.headers


def test_without_loopback_only_the_listed_origins_are_allowed() -> None:
    options = DevStoreOptions(quiet=True, origins=frozenset({"https://help.example.com"}), allow_loopback=False)
    server = start_in_thread(options)
    try:
        local = request(server, "GET", "/api/help/session", headers={"Origin": ORIGIN})
        listed = request(server, "GET", "/api/help/session", headers={"Origin": "https://help.example.com"})
    finally:
        stop(server)
    assert "Access-Control-Allow-Origin" not in local.headers
    assert listed.headers["Access-Control-Allow-Origin"] == "https://help.example.com"


def test_the_api_never_answers_with_a_wildcard_origin(store: DevStoreServer) -> None:
    answers = [
        request(store, "GET", "/api/help/session", headers={"Origin": ORIGIN}),
        lookup(store, {"order_number": "nope", "email": "a@example.com"}),
        lookup(store, b"{"),
        request(store, "GET", "/api/help/nothing-here", headers={"Origin": ORIGIN}),
    ]
    assert [a.headers["Access-Control-Allow-Origin"] for a in answers] == [ORIGIN] * 4


def test_a_custom_api_base_moves_the_endpoints() -> None:
    server = start_in_thread(DevStoreOptions(quiet=True, api_base="/apps/help"))
    try:
        moved = request(server, "GET", "/apps/help/session")
        old = request(server, "GET", "/api/help/session")
    finally:
        stop(server)
    assert moved.status == 200
    assert server.api_url.endswith("/apps/help")
    assert old.status == 404 and b"<html" in old.body  # a store page, not the API


# --- failure orders (development and test only) --------------------------------------------------


def _test_order(server: DevStoreServer, number: str) -> Answer:
    return lookup(server, {"order_number": number, "email": "tester@example.com"})


@pytest.mark.parametrize(
    ("number", "status", "code"),
    [("TEST-422", 422, "invalid_request"), ("TEST-429", 429, "rate_limited"), ("test-500", 500, "internal")],
)
def test_json_failure_orders(store: DevStoreServer, number: str, status: int, code: str) -> None:
    answer = _test_order(store, number)
    assert answer.status == status
    assert answer.json()["error"]["code"] == code
    assert answer.headers["Access-Control-Allow-Origin"] == ORIGIN
    if status == 429:
        assert answer.headers["Retry-After"] == str(RETRY_AFTER_SECONDS)


@pytest.mark.parametrize(("number", "status"), [("TEST-NOTJSON", 200), ("TEST-503", 503)])
def test_failure_orders_that_answer_html(store: DevStoreServer, number: str, status: int) -> None:
    answer = _test_order(store, number)
    assert answer.status == status
    assert answer.headers.get_content_type() == "text/html"
    with pytest.raises(json.JSONDecodeError):
        json.loads(answer.body)


def test_the_badshape_order_is_json_but_not_an_order(store: DevStoreServer) -> None:
    payload = _test_order(store, "TEST-BADSHAPE").json()
    assert list(_validator("/components/schemas/Order").iter_errors(payload))


def test_the_hostile_order_carries_script_and_javascript_links(store: DevStoreServer) -> None:
    order = _test_order(store, "TEST-HOSTILE").json()
    text = json.dumps(order)
    assert "<script>" in text
    assert order["status_url"].startswith("javascript:")
    assert order["shipments"][0]["tracking_url"].startswith("javascript:")
    assert order["shipments"][1]["tracking_url"].startswith("data:")


def test_the_slow_order_answers_after_the_configured_delay(store: DevStoreServer) -> None:
    started = time.monotonic()
    answer = _test_order(store, "TEST-SLOW")
    assert time.monotonic() - started >= 0.5
    assert answer.status == 200
    assert_matches(answer.json(), _schema_of("/orders/lookup", "post", "200"))


def test_the_slow_order_waits_past_the_widgets_ten_seconds_by_default() -> None:
    assert DevStoreOptions().slow_seconds > 10
    assert parse_args([]).slow_seconds > 10


def test_the_drop_order_closes_the_connection_without_an_answer(store: DevStoreServer) -> None:
    with pytest.raises((http.client.RemoteDisconnected, ConnectionError)):
        _test_order(store, "TEST-DROP")


def test_the_documented_failure_orders_do_not_count_against_the_lookup_limit() -> None:
    """An editor tries every TEST-* order of the README in a minute and still sees each one's answer;
    real lookups keep their limit (and its real message)."""
    server = start_in_thread(DevStoreOptions(quiet=True, lookups_per_minute=2, slow_seconds=0))
    try:
        numbers = [number for number in testorders.answers(0) if number != "TEST-DROP"]  # DROP: no answer
        tried = {number: _test_order(server, number).status for number in numbers}
        payload = {"order_number": "ORD-10117", "email": "ada.lovelace@example.com"}
        real = [lookup(server, payload).status for _ in range(3)]
        after = _test_order(server, "TEST-500").status
    finally:
        stop(server)
    assert 429 not in {status for number, status in tried.items() if number != "TEST-429"}, tried
    assert real == [200, 200, 429]
    assert after == 500


def test_failure_orders_count_when_they_are_turned_off() -> None:
    server = start_in_thread(DevStoreOptions(quiet=True, lookups_per_minute=2, test_orders=False))
    try:
        statuses = [_test_order(server, "TEST-500").status for _ in range(3)]
    finally:
        stop(server)
    assert statuses == [404, 404, 429]


def test_failure_orders_can_be_turned_off() -> None:
    server = start_in_thread(DevStoreOptions(quiet=True, test_orders=False))
    try:
        assert _test_order(server, "TEST-500").status == 404
    finally:
        stop(server)


# --- store pages, logging and the database ---------------------------------------------------------


@pytest.mark.parametrize("preset", sorted(PRESETS))
def test_every_link_path_of_each_preset_is_a_store_page(store: DevStoreServer, preset: str) -> None:
    for name, path in PRESETS[preset].items():
        answer = request(store, "GET", path.split("#")[0])
        assert (name, answer.status) == (name, 200)
        assert answer.headers.get_content_type() == "text/html"


def test_an_unknown_page_is_a_404_page(store: DevStoreServer) -> None:
    assert request(store, "GET", "/no/such/page").status == 404


def test_store_pages_escape_what_shoppers_typed(store: DevStoreServer) -> None:
    form = urlencode({"first_name": "<script>x</script>", "email": "xss@example.com"}).encode()
    answer = request(store, "POST", "/account/register", form, {"Content-Type": "application/x-www-form-urlencoded"})
    cookie = answer.headers["Set-Cookie"].split(";")[0]
    page = request(store, "GET", "/account", headers={"Cookie": cookie})
    assert b"<script>x" not in page.body
    assert b"&lt;script&gt;x" in page.body


def test_the_log_never_holds_an_email_or_order_number(capfd: pytest.CaptureFixture[str]) -> None:
    server = start_in_thread(DevStoreOptions(quiet=False))
    try:
        lookup(server, {"order_number": "ORD-10117", "email": "ada.lovelace@example.com"})
        request(server, "GET", "/account/recover?email=ada.lovelace@example.com")
        sign_in(server, "ada.lovelace@example.com")
    finally:
        stop(server)
    logged = capfd.readouterr().err
    assert "POST /api/help/orders/lookup 200" in logged
    assert "ada.lovelace" not in logged
    assert "ORD-10117" not in logged


def test_a_database_file_is_seeded_once_and_kept(tmp_path: Path) -> None:
    path = tmp_path / "store.sqlite"
    first = StoreDatabase(path, today=dt.date(2025, 3, 10))
    first.add_customer("kept@example.com", "Kept")
    first.close()
    again = StoreDatabase(path)
    try:
        assert again.customer_by_email("KEPT@example.com") is not None
        assert len(again.all_orders()) == len(ORDERS)
        found = again.find_order("ORD-10231", "ada.lovelace@example.com")
        assert found is not None and found["placed_at"] == "2025-03-10T09:41:00Z"
    finally:
        again.close()


def test_the_command_line_options() -> None:
    options = parse_args(
        [
            "--port",
            "8123",
            "--api-base",
            "apps/help/",
            "--allow-origin",
            "https://help.example.com",
            "--no-loopback",
            "--lookups-per-minute",
            "5",
            "--no-test-orders",
            "--quiet",
        ]
    )
    assert (options.port, options.api_base, options.lookups_per_minute) == (8123, "/apps/help", 5)
    assert options.origins == {"https://help.example.com"}
    assert not options.allow_loopback and not options.test_orders and options.quiet


def test_the_store_takes_its_name_from_the_help_centers_mkdocs_yml(tmp_path: Path) -> None:
    config = tmp_path / "mkdocs.yml"
    assert parse_args(["-f", str(config)]).store_name == "Example Store"  # no mkdocs.yml
    config.write_text("site_name: Help\nextra:\n  store:\n    name: Surf & Co\n", "utf-8")
    assert parse_args(["-f", str(config)]).store_name == "Surf & Co"
    config.write_text("site_name: [unclosed\n", "utf-8")
    with pytest.raises(SystemExit, match="invalid YAML"):
        parse_args(["-f", str(config)])


# --- helpcenter serve --demo-store -------------------------------------------------------------------------------


def test_the_demo_store_points_the_preview_at_itself_then_restores_the_environment() -> None:
    environ = {STORE_URL_ENV: "https://kseworks.com"}
    with demo_store("localhost", 8123, environ, store_name="Surf & Co") as server:
        assert b"<strong><a href=\"/\">Surf &amp; Co</a></strong>" in request(server, "GET", "/").body
        assert request(server, "GET", "/").headers["Server"].startswith("DevStore/1 ")
        assert environ[STORE_URL_ENV] == server.url
        assert environ[STORE_API_URL_ENV] == server.url + "/api/help"
        assert server.url.startswith("http://localhost:")  # the preview's own host name: same site
        assert resolve_store({"url": "https://kseworks.com"}, environ).api_url == server.api_url
        session = request(server, "GET", "/api/help/session", headers={"Origin": "http://localhost:8123"})
        assert session.headers["Access-Control-Allow-Origin"] == "http://localhost:8123"
        assert b'href="http://localhost:8123/"' in request(server, "GET", "/").body
    assert environ == {STORE_URL_ENV: "https://kseworks.com"}
    with pytest.raises(OSError):
        request(server, "GET", "/api/help/session")


# --- POST /events (contract 1.1.0) ---------------------------------------------------------------------------


EVENT_SCHEMA = "/components/schemas/Event"
BATCH_SCHEMA = "/components/schemas/EventBatch"


def _event(**fields: Any) -> dict[str, Any]:
    return {"type": "search", "path": "/", "locale": "en", "at": "2026-11-29T08:40:00Z", "query": "x", "results": 2,
            **fields}


def post_events(server: DevStoreServer, payload: Any, content_type: str = "text/plain;charset=UTF-8") -> Answer:
    body = payload if isinstance(payload, bytes) else json.dumps(payload).encode()
    return request(server, "POST", "/api/help/events", body, {"Content-Type": content_type})


def exported(server: DevStoreServer) -> list[dict[str, Any]]:
    answer = request(server, "GET", "/dev/events.jsonl")
    assert answer.status == 200
    return [json.loads(line) for line in answer.body.decode().splitlines()]


def test_a_batch_as_the_help_center_sends_it_is_204_and_exported_as_json_lines() -> None:
    server = start_in_thread(DevStoreOptions(quiet=True))
    try:
        batch = {"events": [
            _event(),
            _event(type="result_click", query="parcel", article="check-order-status", rank=1),
            _event(type="vote", path="/shipping/customs-duties/", article="customs-duties", helpful=False,
                   reason="outdated", comment="The rates changed."),
            _event(type="contact_click", locale="pt-BR", query="refund"),
        ]}
        assert_matches(batch, BATCH_SCHEMA)
        answer = post_events(server, batch)
        assert (answer.status, answer.body) == (204, b"")
        lines = exported(server)
        assert [line["type"] for line in lines] == ["search", "result_click", "vote", "contact_click"]
        for line, sent in zip(lines, batch["events"], strict=True):
            assert_matches(line, EVENT_SCHEMA)
            assert {k: v for k, v in line.items() if k != "received_at"} == sent
            assert line["received_at"].endswith("Z")
    finally:
        stop(server)


def test_application_json_is_accepted_too(store: DevStoreServer) -> None:
    assert post_events(store, {"events": [_event()]}, "application/json").status == 204


def test_fields_outside_the_contract_are_not_kept() -> None:
    server = start_in_thread(DevStoreOptions(quiet=True))
    try:
        assert post_events(server, {"events": [_event(visitor_id="abc", email="a@b.example")]}).status == 204
        assert "visitor_id" not in exported(server)[0] and "email" not in exported(server)[0]
    finally:
        stop(server)


@pytest.mark.parametrize(("payload", "message"), [
    (b"{not json", "not valid JSON"),
    (b"\xff\xfe", "not valid JSON"),
    ([_event()], "'events' array"),
    ({"events": []}, "1 to 50 events, not 0"),
    ({"events": [_event()] * 51}, "1 to 50 events, not 51"),
    ({"events": [_event(type="pageview")]}, "events[0]: type 'pageview' is not one of"),
    ({"events": [_event(), {"type": "vote", "path": "/", "locale": "en"}]}, "events[1]: 'at' is missing"),
    ({"events": [_event(at="yesterday")]}, "'at' is not a date-time"),
    ({"events": [_event(results=-1)]}, "'results' must be a whole number of at least 0"),
    ({"events": [_event(type="result_click", rank=0)]}, "'rank' must be a whole number of at least 1"),
    ({"events": [_event(type="vote", helpful="yes")]}, "'helpful' must be true or false"),
    ({"events": [_event(type="vote", helpful=False, reason="rude")]}, "reason 'rude' is not one of"),
    ({"events": [_event(query="x" * 101)]}, "'query' is longer than 100 characters"),
    ({"events": [_event(comment="x" * 301)]}, "'comment' is longer than 300 characters"),
])
def test_what_is_not_an_event_batch_is_400(store: DevStoreServer, payload: Any, message: str) -> None:
    answer = post_events(store, payload)
    assert answer.status == 400
    assert_matches(answer.json(), _schema_of("/events", "post", "400"))
    assert message in answer.json()["error"]["message"]


def test_a_form_post_is_400(store: DevStoreServer) -> None:
    answer = post_events(store, {"events": [_event()]}, "application/x-www-form-urlencoded")
    assert answer.status == 400


def test_a_batch_over_64_kib_is_413(store: DevStoreServer) -> None:
    body = json.dumps({"events": [_event(comment="x" * 300)] * 50, "padding": "y" * 60_000}).encode()
    assert len(body) > 64 * 1024
    assert post_events(store, body).status == 413


def test_batches_beyond_the_limit_are_429_with_retry_after() -> None:
    server = start_in_thread(DevStoreOptions(quiet=True, event_batches_per_minute=2))
    try:
        assert [post_events(server, {"events": [_event()]}).status for _ in range(2)] == [204, 204]
        answer = post_events(server, {"events": [_event()]})
        assert answer.status == 429
        assert 1 <= int(answer.headers["Retry-After"]) <= 60
        assert len(exported(server)) == 2
    finally:
        stop(server)


def test_events_are_kept_in_the_database_file_and_exported_by_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from devstore.__main__ import main

    path = tmp_path / "store.sqlite"
    server = start_in_thread(DevStoreOptions(quiet=True, db_path=path))
    try:
        assert post_events(server, {"events": [_event(query="strap"), _event(query="zip")]}).status == 204
    finally:
        stop(server)
    out = tmp_path / "events.jsonl"
    main(["--db", str(path), "--export-events", str(out)])
    assert [json.loads(line)["query"] for line in out.read_text().splitlines()] == ["strap", "zip"]
    main(["--db", str(path), "--export-events", "-"])
    assert capsys.readouterr().out.count("\n") == 2


def test_an_old_database_file_gains_the_events_table(tmp_path: Path) -> None:
    import sqlite3

    path = tmp_path / "old.sqlite"
    StoreDatabase(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute("DROP TABLE events")
    db = StoreDatabase(path)
    try:
        db.add_events([_event()])
        assert list(db.events()) == [_event()]
    finally:
        db.close()
