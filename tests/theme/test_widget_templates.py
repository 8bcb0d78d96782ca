"""The widget partials, rendered with plain Jinja (as MkDocs and other engines do) from store settings."""

from __future__ import annotations

from html.parser import HTMLParser
from typing import Any

import jinja2
import pytest

from generator.config.locales import default_locale
from generator.config.store import resolve_store
from generator.rendering.strings import load_strings
from tests.conftest import THEME


def render(template: str, page_hc: dict[str, Any] | None = None, **store: Any) -> str:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(THEME), undefined=jinja2.StrictUndefined)
    page = {"meta": {"hc": page_hc or {}}}
    return env.get_template(template).render(config=theme_config(**store), page=page)


def theme_config(**store: Any) -> dict[str, Any]:
    """``config`` as the build gives it to the theme: the store and the (one, English) locale's words."""
    settings = resolve_store({"name": "Kseworks", "url": "https://kseworks.com", **store}, {})
    strings = load_strings(default_locale("en", settings), THEME)  # the shipped English catalogue
    english = {"strings": strings.flat(), "widget_strings": strings.widgets(), "store": settings.to_template_data()}
    return {"extra": {"hc": {"store": settings.to_template_data(), "locales": {"en": english},
                             "default_locale": "en"}}}


class Elements(HTMLParser):
    """Every start tag with its attributes, in document order."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def find(self, tag: str, **attrs: str | None) -> list[dict[str, str | None]]:
        """Tags with these attributes (``data_hc_x`` for ``data-hc-x``; None for one without a value)."""
        wanted = {k.replace("_", "-"): v for k, v in attrs.items()}
        return [a for t, a in self.tags if t == tag and all(k in a and a[k] == v for k, v in wanted.items())]

    def links(self) -> dict[str | None, str | None]:
        return {a.get("data-hc-link"): a.get("href") for t, a in self.tags if t == "a" and "data-hc-link" in a}


def test_the_header_widget_links_the_store_and_hands_the_api_url_to_the_script() -> None:
    html = Elements(render("partials/hc/account.html"))
    [nav] = html.find("nav", data_hc_widget="account")
    assert nav["data-hc-api-url"] == "https://kseworks.com/api/help"
    assert html.links() == {
        "sign-in": "https://kseworks.com/account/login",
        "register": "https://kseworks.com/account/register",
        "orders": "https://kseworks.com/account",
        "account": "https://kseworks.com/account",
    }
    [signed_in] = html.find("span", data_hc_account_state="signed-in")
    assert "hidden" in signed_in  # shown only once the store says someone is signed in
    assert not html.find("script")


def test_the_header_widget_follows_the_woocommerce_preset_and_a_separate_api_url() -> None:
    html = Elements(render("partials/hc/account.html", preset="woocommerce", api_url="https://api.kseworks.com/help"))
    assert html.find("nav")[0]["data-hc-api-url"] == "https://api.kseworks.com/help"
    assert html.links()["orders"] == "https://kseworks.com/my-account/orders/"


def test_the_order_lookup_cannot_leak_the_email_without_javascript() -> None:
    html = Elements(render("partials/hc/widgets/order-lookup.html"))
    [form] = html.find("form", data_hc_widget="order-lookup")
    assert form.get("method") == "post" and "action" not in form
    assert form["data-hc-api-url"] == "https://kseworks.com/api/help"
    assert form["data-hc-orders-url"] == "https://kseworks.com/account"
    assert form["data-hc-contact-url"] == "https://kseworks.com/pages/contact"
    [fields] = html.find("div", data_hc_js_only=None)
    assert "hidden" in fields  # no JS: nothing to submit, only the link below
    assert html.links() == {"orders": "https://kseworks.com/account"}
    [output] = html.find("div", data_hc_widget_output=None)
    assert output["aria-live"] == "polite"


def test_the_order_lookup_fields_are_labelled() -> None:
    html = Elements(render("partials/hc/widgets/order-lookup.html"))
    labelled = {a.get("for") for a in html.find("label")}
    inputs = {a.get("name"): a.get("id") for a in html.find("input")}
    assert set(inputs) == {"order_number", "email"}
    assert set(inputs.values()) <= labelled
    assert html.find("input", name="email")[0]["type"] == "email"


@pytest.mark.parametrize(
    ("article", "first"),
    [
        ("forgot-password", "forgot-password"),
        ("register-an-account", "register"),
        ("modify-account-information", "account"),
        ("shopping-security", "sign-in"),
    ],
)
def test_account_buttons_put_the_page_the_article_is_about_first(article: str, first: str) -> None:
    html = Elements(render("partials/hc/widgets/account.html", {"kind": "article", "id": article}))
    buttons = [a for t, a in html.tags if t == "a"][:4]  # the signed-out state comes first
    assert buttons[0]["data-hc-link"] == first
    assert "md-button--primary" in (buttons[0]["class"] or "")
    assert sorted(b["data-hc-link"] or "" for b in buttons) == ["account", "forgot-password", "register", "sign-in"]
    assert html.links()["forgot-password"] == "https://kseworks.com/account/login#recover"


def test_account_articles_carry_a_hidden_signed_in_state_for_the_script() -> None:
    """The header's widget and the article's read the same session: both have the two states."""
    html = Elements(render("partials/hc/widgets/account.html", {"kind": "article", "id": "forgot-password"}))
    [widget] = html.find("div", data_hc_widget="account")
    assert widget["data-hc-api-url"] == "https://kseworks.com/api/help"
    assert html.find("p", data_hc_account_state="signed-out")
    [signed_in] = html.find("div", data_hc_account_state="signed-in")
    assert "hidden" in signed_in
    assert html.find("p", data_hc_account_greeting="signed_in_as signed_in_text")
    assert [a["data-hc-link"] for t, a in html.tags if t == "a"][4:] == ["account", "orders"]


def test_the_order_lookup_hands_the_stores_order_number_rule_to_the_script() -> None:
    [form] = Elements(render("partials/hc/widgets/order-lookup.html",
                             order_numbers={"prefix": "KW-", "digits": 5})).find("form")
    assert (form["data-hc-order-prefix"], form["data-hc-order-digits"]) == ("KW-", "5")
    [form] = Elements(render("partials/hc/widgets/order-lookup.html", order_numbers={"prefix": "#"})).find("form")
    assert form["data-hc-order-prefix"] == "#" and "data-hc-order-digits" not in form
    [form] = Elements(render("partials/hc/widgets/order-lookup.html")).find("form")
    assert "data-hc-order-prefix" not in form and "data-hc-order-digits" not in form


def test_account_buttons_can_be_chosen_in_the_front_matter() -> None:
    html = Elements(render("partials/hc/widgets/account.html", {"id": "forgot-password", "account_link": "register"}))
    assert html.find("a")[0]["data-hc-link"] == "register"


def test_the_contact_widget_links_the_contact_page_of_the_preset() -> None:
    html = Elements(render("partials/hc/widgets/contact.html", preset="woocommerce"))
    assert html.links() == {"contact": "https://kseworks.com/contact/"}


def test_store_values_are_escaped_in_attributes_and_text() -> None:
    html = render("partials/hc/widgets/order-lookup.html", name='Bags "&" <More>')
    assert 'data-hc-store-name="Bags &#34;&amp;&#34; &lt;More&gt;"' in html
    assert "<More>" not in html


def test_the_feedback_widget_is_hidden_until_its_script_runs_and_names_the_article() -> None:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(THEME), undefined=jinja2.StrictUndefined)
    html = env.get_template("partials/hc/feedback.html").render(config=theme_config(), page_hc={"id": "customs-duties"})
    tags = Elements(html)
    [section] = tags.find("section", data_hc_feedback=None)
    assert section["data-hc-article"] == "customs-duties" and "hidden" in section
    assert [a["value"] for a in tags.find("input", type="radio")] == [
        "unclear", "incomplete", "outdated", "not_my_question", "other"]  # the contract's reasons
    [comment] = tags.find("textarea")
    assert comment["maxlength"] == "300" and comment["aria-describedby"] == "hc-feedback-note"
    assert "do not type personal details" in html
    assert tags.links() == {"contact": "https://kseworks.com/pages/contact"}
    assert not tags.find("script")
