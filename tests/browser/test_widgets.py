"""The account and order widgets in Chromium, on the real built site, against the development store.

Every state a shopper can meet: signed out and signed in, a found order, nothing found, each failure of the
backend (422, 429, 5xx, not JSON, network error, no answer in 10 s), hostile strings, and no JavaScript.
The failures come from the store's TEST-* order numbers (devstore/testorders.py).
"""

from __future__ import annotations

import datetime as dt
import json
import re
import time
import urllib.request
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Dialog, Page, Request, expect

from devstore import DevStoreServer
from devstore.samples import ORDERS
from generator.rendering.dates import long_date
from tests.browser.conftest import STORE_NAME, NewPage

pytestmark = pytest.mark.browser

FORM = 'form[data-hc-widget="order-lookup"]'
OUTPUT = f"{FORM} [data-hc-widget-output]"
HEADER = 'header [data-hc-widget="account"]'
SAMPLE = {order.order_number: order for order in ORDERS}


def open_lookup(page: Page, site: str, path: str = "") -> list[Request]:
    """Open a page with the order lookup; returns the list the page's requests are recorded into."""
    requests: list[Request] = []
    page.on("request", lambda request: requests.append(request))  # noqa: PLW0108 (Playwright cannot wrap a builtin)
    page.goto(site + path)
    expect(page.locator(f"{FORM}[data-hc-ready]")).to_have_count(1)
    return requests


def look_up(page: Page, order_number: str, email: str = "tester@example.com") -> None:
    page.fill(f"{FORM} [name=order_number]", order_number)
    page.fill(f"{FORM} [name=email]", email)
    page.click(f"{FORM} [type=submit]")


def outcome(page: Page, kind: str, timeout: float = 5000) -> Any:
    """The output once it shows the outcome ``kind`` (data-hc-outcome)."""
    result = page.locator(f'{OUTPUT} [data-hc-outcome="{kind}"]')
    expect(result).to_be_visible(timeout=timeout)
    return result


def lookups(requests: list[Request]) -> list[Request]:
    return [r for r in requests if r.url.endswith("/orders/lookup") and r.method != "OPTIONS"]


def assert_offers_store_links(page: Page, store: DevStoreServer) -> None:
    """The outcome offers customer service; the widget's own line (and only it) the shopper's orders."""
    expect(page.locator(OUTPUT).get_by_role("link", name="contact customer service")).to_have_attribute(
        "href", store.url + "/pages/contact"
    )
    account = page.locator(FORM).get_by_role("link", name=f"your {STORE_NAME} account")
    expect(account).to_have_count(1)
    expect(account).to_have_attribute("href", store.url + "/account")
    assert page.locator(FORM).inner_text().count("see all your orders") == 1


# --- the account widget ----------------------------------------------------------------------------------


def test_signed_out_the_header_offers_sign_in_and_register(
    page: Page, site_server: str, dev_store: DevStoreServer
) -> None:
    with page.expect_response(lambda r: r.url == dev_store.api_url + "/session") as session:
        page.goto(site_server)
    assert session.value.json() == {"signed_in": False, "first_name": None}
    page.wait_for_timeout(100)  # let the widget act on the answer
    header = page.locator(HEADER)
    expect(header.locator('[data-hc-link="sign-in"]')).to_have_attribute("href", dev_store.url + "/account/login")
    expect(header.locator('[data-hc-link="register"]')).to_have_attribute("href", dev_store.url + "/account/register")
    expect(header.locator('[data-hc-link="sign-in"]')).to_be_visible()
    expect(header.locator('[data-hc-link="orders"]')).to_be_hidden()


def sign_in_on_the_store(page: Page, store: DevStoreServer, email: str) -> None:
    page.goto(store.url + "/account/login")
    page.fill("form[action='/account/login'] [name=email]", email)
    page.fill("form[action='/account/login'] [name=password]", "any password")
    page.click("form[action='/account/login'] [type=submit]")
    expect(page).to_have_url(store.url + "/account")


def test_signed_in_the_header_greets_the_shopper_and_links_their_orders(
    page: Page, site_server: str, dev_store: DevStoreServer
) -> None:
    sign_in_on_the_store(page, dev_store, "chloe.martin@example.com")
    page.goto(site_server)
    header = page.locator(HEADER)
    expect(header.locator("[data-hc-account-greeting]")).to_have_text("Hi, Chloé")
    expect(header.locator('[data-hc-link="orders"]')).to_be_visible()
    expect(header.locator('[data-hc-link="orders"]')).to_have_attribute("href", dev_store.url + "/account")
    expect(header.locator('[data-hc-link="account"]')).to_be_visible()
    expect(header.locator('[data-hc-link="sign-in"]')).to_be_hidden()


def test_signed_in_the_lookup_still_sends_no_cookies(page: Page, site_server: str, dev_store: DevStoreServer) -> None:
    sign_in_on_the_store(page, dev_store, "ada.lovelace@example.com")
    requests = open_lookup(page, site_server)
    look_up(page, "ORD-10117", "ada.lovelace@example.com")
    outcome(page, "found")
    session = [r for r in requests if r.url.endswith("/session")]
    assert session and "cookie" in session[0].all_headers()
    assert "cookie" not in lookups(requests)[0].all_headers()


def test_account_articles_show_the_matching_store_page_first(
    page: Page, site_server: str, dev_store: DevStoreServer
) -> None:
    page.goto(site_server + "account-and-security/forgot-password/")
    buttons = page.locator('.hc-account-actions [data-hc-account-state="signed-out"] [data-hc-link]')
    expect(buttons).to_have_count(4)
    expect(buttons.first).to_have_attribute("data-hc-link", "forgot-password")
    expect(buttons.first).to_have_attribute("href", dev_store.url + "/account/login#recover")
    expect(buttons.first).to_have_class(re.compile("md-button--primary"))
    hrefs = {b.get_attribute("data-hc-link"): b.get_attribute("href") for b in buttons.all()}
    assert hrefs["register"] == dev_store.url + "/account/register"
    assert hrefs["account"] == dev_store.url + "/account"


def test_signed_in_an_account_article_shows_the_signed_in_state_as_the_header_does(
    page: Page, site_server: str, dev_store: DevStoreServer
) -> None:
    """Issue 19.3: the header said "Hi, Ada" while the article's widget still offered "Sign in"."""
    sign_in_on_the_store(page, dev_store, "ada.lovelace@example.com")
    sessions: list[Request] = []
    page.on("request", lambda r: sessions.append(r) if r.url.endswith("/session") else None)
    page.goto(site_server + "account-and-security/forgot-password/")
    expect(page.locator(HEADER).locator("[data-hc-account-greeting]")).to_have_text("Hi, Ada")
    widget = page.locator(".hc-account-actions")
    expect(widget.locator("[data-hc-account-greeting]")).to_have_text("You are signed in as Ada.")
    for name in ("sign-in", "register", "forgot-password"):
        expect(widget.locator(f'[data-hc-link="{name}"]')).to_be_hidden()
    expect(widget.get_by_role("link", name="Edit your account details")).to_have_attribute(
        "href", dev_store.url + "/account")
    expect(widget.get_by_role("link", name="My orders")).to_be_visible()
    assert len(sessions) == 1, "the two widgets read one session"


def test_signed_out_an_account_article_offers_signing_in(page: Page, site_server: str) -> None:
    page.goto(site_server + "account-and-security/register-an-account/")
    expect(page.locator(".hc-account-actions[data-hc-ready], .hc-account-actions [data-hc-ready]")).to_have_count(1)
    page.wait_for_timeout(200)  # let the widget act on the store's "signed out"
    widget = page.locator(".hc-account-actions")
    expect(widget.locator('[data-hc-link="register"]')).to_be_visible()
    expect(widget.locator('[data-hc-account-state="signed-in"]')).to_be_hidden()


# --- order lookup: found ----------------------------------------------------------------------------------


def test_a_found_order_shows_status_items_shipments_and_next_steps(
    page: Page, site_server: str, dev_store: DevStoreServer
) -> None:
    requests = open_lookup(page, site_server)
    look_up(page, "ORD-10188", "chloe.martin@example.com")
    result = outcome(page, "found")
    expect(result.locator(".hc-order__title")).to_have_text("Order ORD-10188")
    expect(result.locator(".hc-order__status")).to_contain_text("On its way")
    expect(result.locator(".hc-order__placed")).to_contain_text("Placed on")
    expect(result.locator(".hc-order__items li")).to_have_text(
        ["1 × Linen Tea Towels — Natural", "1 × Cotton T-Shirt — Sand, L"]
    )
    shipments = result.locator(".hc-order__shipment")
    expect(shipments).to_have_count(2)
    for shipment, sample in zip(shipments.all(), SAMPLE["ORD-10188"].shipments, strict=True):
        expect(shipment).to_contain_text(f"{sample.carrier}")
        expect(shipment).to_contain_text(f"Tracking number: {sample.tracking_number}")
        expect(shipment.get_by_role("link")).to_have_attribute("href", sample.tracking_url or "")
    order_page = result.get_by_role("link", name=f"See this order on {STORE_NAME}")
    expect(order_page).to_have_attribute("href", re.compile(re.escape(dev_store.url + "/account/orders/")))
    expect(result.get_by_role("link", name="Start a return")).to_have_count(0)
    expect(result).not_to_contain_text("cancel")
    sent = lookups(requests)
    assert [r.method for r in sent] == ["POST"]
    assert json.loads(sent[0].post_data or "") == {"order_number": "ORD-10188", "email": "chloe.martin@example.com"}


def test_the_email_and_order_number_stay_out_of_urls_history_storage_and_console(page: Page, site_server: str) -> None:
    console: list[str] = []
    page.on("console", lambda message: console.append(message.text))
    requests = open_lookup(page, site_server)
    history_length = page.evaluate("history.length")
    look_up(page, "ORD-10117", "ada.lovelace@example.com")
    outcome(page, "found")
    assert page.url == site_server
    assert page.evaluate("history.length") == history_length
    assert page.evaluate("localStorage.length + sessionStorage.length") == 0 or not any(
        "ada.lovelace" in value or "ORD-10117" in value
        for value in page.evaluate("Object.values(localStorage).concat(Object.values(sessionStorage))")
    )
    seen = [r.url for r in requests] + console
    assert not [text for text in seen if "ada.lovelace" in text or "ORD-10117" in text]


def test_a_delivered_order_offers_a_return(page: Page, site_server: str, dev_store: DevStoreServer) -> None:
    open_lookup(page, site_server)
    look_up(page, "ord-10117", "Ada.Lovelace@example.com")
    result = outcome(page, "found")
    expect(result.locator(".hc-order__status")).to_contain_text("Delivered")
    expect(result.get_by_role("link", name="Start a return")).to_have_attribute(
        "href", re.compile(re.escape(dev_store.url + "/returns/"))
    )


def test_an_unshipped_order_says_to_contact_customer_service_to_cancel(
    page: Page, site_server: str, dev_store: DevStoreServer
) -> None:
    open_lookup(page, site_server)
    look_up(page, "ORD-10231", "ada.lovelace@example.com")
    result = outcome(page, "found")
    expect(result.locator(".hc-order__status")).to_contain_text("Waiting for payment")
    step = result.locator(".hc-order__next li", has_text="cancel")
    expect(step.get_by_role("link", name="contact customer service")).to_have_attribute(
        "href", dev_store.url + "/pages/contact"
    )
    expect(result.locator(".hc-order__shipment")).to_have_count(0)


@pytest.mark.parametrize(("number", "email", "kind", "title"), [
    ("ORD-10117", "ada.lovelace@example.com", "found", ".hc-order__title"),
    ("ORD-99999", "ada.lovelace@example.com", "not-found", ".hc-result__title"),
], ids=["found", "not-found"])
def test_on_a_phone_the_outcome_takes_the_focus_and_comes_into_view(
    new_page: NewPage, site_server: str, number: str, email: str, kind: str, title: str
) -> None:
    """Issue 19.2: at 390 x 844 the outcome appeared below the fold while focus stayed on the button."""
    page = new_page(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    open_lookup(page, site_server, "shipping-and-delivery/when-will-my-order-ship/")
    page.fill(f"{FORM} [name=order_number]", number)
    page.fill(f"{FORM} [name=email]", email)
    page.locator(f"{FORM} [type=submit]").tap()
    heading = outcome(page, kind).locator(title)
    expect(heading).to_be_focused()
    expect(heading).to_be_in_viewport(ratio=1)
    header = page.locator(".md-header").bounding_box()
    box = heading.bounding_box()
    assert header and box and box["y"] >= header["y"] + header["height"], "the title is under the sticky header"


# --- order lookup: what the shopper typed ----------------------------------------------------------------------


def sent_number(requests: list[Request]) -> str:
    return str(json.loads(lookups(requests)[-1].post_data or "{}")["order_number"])


@pytest.mark.parametrize("typed", ["ORD10153", "ord 10153", "10153", " #ord-10153 ", "ORD-10153"])
def test_order_numbers_as_shoppers_type_them_find_the_order(page: Page, site_server: str, typed: str) -> None:
    """Issue 19.4: the site's rule says numbers are ORD- and five digits; the widget writes them so."""
    requests = open_lookup(page, site_server)
    look_up(page, typed, "guest.shopper@example.com")
    expect(outcome(page, "found").locator(".hc-order__title")).to_have_text("Order ORD-10153")
    assert sent_number(requests) == "ORD-10153"


@pytest.mark.parametrize(("typed", "sent"), [("test-500", "TEST-500"), ("1015", "1015"), ("ORD 101530", "ORD 101530")])
def test_what_does_not_fit_the_stores_rule_is_sent_as_typed_in_capitals(
    page: Page, site_server: str, typed: str, sent: str
) -> None:
    requests = open_lookup(page, site_server)
    look_up(page, typed)
    expect(page.locator(f"{OUTPUT} [data-hc-outcome]:not([data-hc-outcome=busy])")).to_be_visible()
    assert sent_number(requests) == sent


def test_without_a_rule_the_number_is_only_trimmed_and_upper_cased(page: Page, other_site_server: str) -> None:
    requests = open_lookup(page, other_site_server)
    assert page.locator(FORM).get_attribute("data-hc-order-prefix") is None
    look_up(page, "  ord 10153 ", "guest.shopper@example.com")
    outcome(page, "not-found")
    assert sent_number(requests) == "ORD 10153"
    look_up(page, " ord-10153\t", "guest.shopper@example.com")
    expect(outcome(page, "found").locator(".hc-order__title")).to_have_text("Order ORD-10153")
    assert sent_number(requests) == "ORD-10153"


def test_empty_fields_are_flagged_before_any_request(page: Page, site_server: str) -> None:
    requests = open_lookup(page, site_server)
    page.click(f"{FORM} [type=submit]")
    outcome(page, "check-fields")
    number = page.locator(f"{FORM} [name=order_number]")
    expect(number).to_have_attribute("aria-invalid", "true")
    expect(number).to_be_focused()
    expect(page.locator('[data-hc-error-for="order_number"]')).to_have_text("Enter your order number.")
    expect(page.locator('[data-hc-error-for="email"]')).to_be_visible()
    assert lookups(requests) == []


def test_a_malformed_email_is_flagged_before_any_request(page: Page, site_server: str) -> None:
    requests = open_lookup(page, site_server)
    look_up(page, "ORD-10117", "ada.lovelace@example")
    outcome(page, "check-fields")
    expect(page.locator(f"{FORM} [name=email]")).to_be_focused()
    expect(page.locator('[data-hc-error-for="email"]')).to_contain_text("name@example.com")
    expect(page.locator('[data-hc-error-for="order_number"]')).to_be_hidden()
    assert lookups(requests) == []
    page.fill(f"{FORM} [name=email]", "ada.lovelace@example.com")  # typing clears the error
    expect(page.locator('[data-hc-error-for="email"]')).to_be_hidden()


def test_the_result_speaks_the_pages_language_around_the_stores_own_words(page: Page, site_server: str) -> None:
    """Issue 19.5: the status from the catalogue, the carrier's words as sent under a French label."""
    open_lookup(page, site_server, "fr/")
    look_up(page, "ORD-10188", "chloe.martin@example.com")
    result = outcome(page, "found")
    expect(result.locator(".hc-order__title")).to_have_text("Commande ORD-10188")
    expect(result.locator(".hc-order__badge")).to_have_text("En cours d'acheminement")
    carrier = result.locator(".hc-order__carrier-status").first
    expect(carrier).to_have_text("Suivi du transporteur\u202f: In transit")
    expect(carrier.locator(".hc-order__carrier-status-text")).to_have_text("In transit")
    expect(result).not_to_contain_text("Statut\u202f: In transit")
    expect(result.locator(".hc-order__shipment").first).to_contain_text("Livraison estimée")


@pytest.mark.parametrize(("path", "label"), [("", "Estimated delivery"), ("fr/", "Livraison estimée")])
def test_a_delivered_order_shows_no_estimated_delivery(page: Page, site_server: str, path: str, label: str) -> None:
    open_lookup(page, site_server, path)
    look_up(page, "ORD-10117", "ada.lovelace@example.com")
    result = outcome(page, "found")
    expect(result.locator(".hc-order__shipment")).to_have_count(1)
    expect(result.locator(".hc-order__carrier-status")).to_contain_text("Delivered")
    expect(result).not_to_contain_text(label)


@pytest.mark.parametrize(("path", "line"), [("", "Still stuck? Contact customer service."),
                                            ("fr/", "Toujours bloqué ? Contactez le service client.")])
def test_every_sentence_of_a_failure_starts_with_a_capital(page: Page, site_server: str, path: str, line: str) -> None:
    open_lookup(page, site_server, path)
    look_up(page, "ORD-99999")
    help_line = outcome(page, "not-found").locator(".hc-result__help")
    assert " ".join(help_line.inner_text().split()) == " ".join(line.split())


def test_the_lookup_works_with_the_keyboard_alone(page: Page, site_server: str) -> None:
    open_lookup(page, site_server)
    page.focus(f"{FORM} [name=order_number]")
    page.keyboard.type("ORD-10204")
    page.keyboard.press("Tab")
    expect(page.locator(f"{FORM} [name=email]")).to_be_focused()
    outline = page.eval_on_selector(f"{FORM} [name=email]", "e => getComputedStyle(e).outlineStyle")
    assert outline != "none", "the focused field has no visible focus outline"
    page.keyboard.type("ben.okafor@example.com")
    page.keyboard.press("Enter")
    expect(outcome(page, "found").locator(".hc-order__status")).to_contain_text("Shipped")


def test_the_outcome_is_announced_and_the_widget_passes_axe(page: Page, site_server: str) -> None:
    open_lookup(page, site_server)
    expect(page.locator(OUTPUT)).to_have_attribute("aria-live", "polite")
    look_up(page, "ORD-10188", "chloe.martin@example.com")
    outcome(page, "found")
    results = Axe().run(page, context=".hc-order-lookup")
    assert results.violations_count == 0, results.generate_report()


# --- order lookup: every failure of the backend ------------------------------------------------------------------

FAILURES = [
    ("ORD-99999", "not-found", "No order matches this order number and email address"),
    ("TEST-422", "invalid", "could not read this request"),
    ("TEST-429", "rate-limited", "Please wait 42 seconds"),
    ("TEST-500", "server", "order service has a problem"),
    ("TEST-503", "server", "order service has a problem"),
    ("TEST-NOTJSON", "not-json", "could not read the store's answer"),
    ("TEST-BADSHAPE", "unexpected", "could not read the store's answer"),
    ("TEST-DROP", "network", "could not reach the store"),
]


@pytest.mark.parametrize(("number", "kind", "message"), FAILURES, ids=[f[1] + ":" + f[0] for f in FAILURES])
def test_each_failure_has_a_clear_message_and_the_store_links(
    page: Page, site_server: str, dev_store: DevStoreServer, number: str, kind: str, message: str
) -> None:
    open_lookup(page, site_server)
    look_up(page, number)
    expect(outcome(page, kind)).to_contain_text(message)
    assert_offers_store_links(page, dev_store)


def test_after_a_429_the_button_waits_as_long_as_the_store_asked(page: Page, site_server: str) -> None:
    page.clock.install()
    requests = open_lookup(page, site_server)
    look_up(page, "TEST-429")
    expect(outcome(page, "rate-limited")).to_contain_text("Please wait 42 seconds")
    submit = page.locator(f"{FORM} [type=submit]")
    expect(submit).to_have_attribute("aria-disabled", "true")
    page.clock.run_for(30_000)
    # Within the wait nothing is sent; the shopper is told how long is left.
    page.press(f"{FORM} [name=email]", "Enter")
    expect(outcome(page, "rate-limited")).to_contain_text("Please wait 12 seconds")
    assert len(lookups(requests)) == 1
    page.clock.run_for(13_000)
    expect(submit).not_to_have_attribute("aria-disabled", "true")
    look_up(page, "ORD-10153", "guest.shopper@example.com")
    expect(outcome(page, "found")).to_be_visible()
    assert len(lookups(requests)) == 2


def test_a_wrong_email_gets_the_same_answer_as_a_wrong_number(page: Page, site_server: str) -> None:
    open_lookup(page, site_server)
    look_up(page, "ORD-10117", "not.ada@example.com")
    wrong_email = outcome(page, "not-found").inner_text()
    widget = page.locator(FORM).inner_text()
    assert widget.count(f"your {STORE_NAME} account") == 1, f"said twice: {widget}"
    look_up(page, "ORD-00000", "ada.lovelace@example.com")  # the submit replaces the output at once
    assert outcome(page, "not-found").inner_text() == wrong_email


def test_no_answer_within_ten_seconds_is_a_timeout(page: Page, site_server: str, dev_store: DevStoreServer) -> None:
    open_lookup(page, site_server)
    started = time.monotonic()
    look_up(page, "TEST-SLOW")
    outcome(page, "busy")
    expect(outcome(page, "timeout", timeout=15_000)).to_contain_text("within 10 seconds")
    assert 9.5 <= time.monotonic() - started < 12, "the store answers after 12 s; the widget must give up at 10 s"
    assert_offers_store_links(page, dev_store)


# --- hostile answers ----------------------------------------------------------------------------------------


def test_a_hostile_answer_is_shown_as_text_and_runs_nothing(
    page: Page, site_server: str, dev_store: DevStoreServer
) -> None:
    dialogs: list[str] = []

    def on_dialog(dialog: Dialog) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    open_lookup(page, site_server)
    title = page.title()
    look_up(page, "TEST-HOSTILE")
    result = outcome(page, "found")
    page.wait_for_timeout(300)  # give an injected handler the chance to run
    assert page.title() == title and dialogs == []
    assert result.locator("script, img, iframe, object, b").count() == 0
    expect(result.locator(".hc-order__title")).to_contain_text("<script>")
    expect(result.locator(".hc-order__items")).to_contain_text('<b>bold?</b> & "quotes"')
    hrefs = [a.get_attribute("href") or "" for a in result.locator("a").all()]
    assert hrefs and all(href.startswith(("http://", "https://")) for href in hrefs), hrefs
    # The javascript: status_url is dropped for the store's own orders page.
    expect(result.get_by_role("link", name=f"See this order on {STORE_NAME}")).to_have_attribute(
        "href", dev_store.url + "/account"
    )
    expect(result.get_by_role("link", name=re.compile("Track this parcel"))).to_have_count(0)
    expect(result.get_by_role("link", name="Start a return")).to_have_count(0)


# --- no JavaScript, and a page reached by a link ----------------------------------------------------------------------


def test_without_javascript_every_widget_is_a_plain_store_link(
    new_page: NewPage, site_server: str, dev_store: DevStoreServer
) -> None:
    page = new_page(java_script_enabled=False)
    page.goto(site_server)
    expect(page.locator(f"{FORM} [name=email]")).to_be_hidden()
    expect(page.locator(f"{FORM} [type=submit]")).to_be_hidden()
    fallback = page.locator(f'{FORM} [data-hc-link="orders"]')
    expect(fallback).to_be_visible()
    expect(fallback).to_have_attribute("href", dev_store.url + "/account")
    expect(page.locator(f'{HEADER} [data-hc-link="sign-in"]')).to_be_visible()
    expect(page.locator(f'{HEADER} [data-hc-link="register"]')).to_be_visible()
    page.goto(site_server + "account-and-security/register-an-account/")
    expect(page.locator('.hc-account-actions [data-hc-link="register"]')).to_be_visible()


def test_the_lookup_works_on_a_page_reached_by_a_link(page: Page, site_server: str) -> None:
    page.goto(site_server + "shipping-and-delivery/")
    page.locator("article a[href*='when-will-my-order-ship']").first.click()
    expect(page).to_have_url(re.compile("when-will-my-order-ship/$"))
    expect(page.locator(f"{FORM}[data-hc-ready]")).to_have_count(1)
    look_up(page, "ORD-10153", "guest.shopper@example.com")
    expect(outcome(page, "found").locator(".hc-order__status")).to_contain_text("Out for delivery")


# --- dates: one format on both sides -------------------------------------------------------------------------


def store_answer(store: DevStoreServer, order_number: str, email: str) -> Any:
    """The store's own answer for an order, read directly (what the widget received)."""
    body = json.dumps({"order_number": order_number, "email": email}).encode()
    request = urllib.request.Request(store.api_url + "/orders/lookup", data=body, method="POST",
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=5) as response:  # the local development store
        return json.loads(response.read())


@pytest.mark.parametrize("language", ["en", "fr", "de"])
def test_order_dates_read_like_the_pages_dates_in_the_pages_language(
    new_page: NewPage, site_server: str, dev_store: DevStoreServer, language: str
) -> None:
    """hc-widgets.js (Intl) and rendering/dates.py (Babel) give the same words for the same day and language."""
    page = new_page(timezone_id="UTC")
    open_lookup(page, site_server)
    page.evaluate("language => { document.documentElement.lang = language }", language)
    look_up(page, "ORD-10188", "chloe.martin@example.com")
    result = outcome(page, "found")
    order = store_answer(dev_store, "ORD-10188", "chloe.martin@example.com")
    placed = dt.datetime.fromisoformat(order["placed_at"].replace("Z", "+00:00")).date()
    expect(result.locator(".hc-order__placed")).to_have_text("Placed on " + long_date(placed, language))
    for shipment, sent in zip(result.locator(".hc-order__shipment").all(), order["shipments"], strict=True):
        day = dt.date.fromisoformat(sent["estimated_delivery"])
        expect(shipment).to_contain_text("Estimated delivery: " + long_date(day, language))


def test_the_page_and_the_order_use_the_same_date_format(page: Page, site_server: str) -> None:
    page.goto(site_server + "shipping-and-delivery/standard-shipping-time/")
    updated = page.locator(".hc-updated time")
    day = dt.date.fromisoformat(updated.get_attribute("datetime") or "")
    expect(updated).to_have_text(long_date(day, "en"))
    assert page.evaluate("d => new Intl.DateTimeFormat(document.documentElement.lang, {dateStyle: 'long'})"
                         ".format(new Date(d + 'T12:00:00'))", day.isoformat()) == long_date(day, "en")
