"""The development store's own pages, so every link of the help center lands somewhere in preview.

They cover the link paths of both presets (Shopify's /account/… and WooCommerce's /my-account/…), a sign-in
form that starts a session (any password is accepted: this is a dev store), registration, a password-reset
form that sends nothing, the shopper's orders, an order page and a start-a-return page.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from devstore.api import Response
from devstore.db import StoreDatabase
from devstore.testorders import answers

SESSION_COOKIE = "devstore_session"

_CSS = """
body{font:16px/1.5 system-ui,sans-serif;margin:0;color:#1d1d1f;background:#faf8f5}
header{background:#2b2118;color:#fff;padding:.8rem 1.5rem;display:flex;gap:1.5rem;align-items:center}
header a{color:#fff}main{max-width:44rem;margin:1.5rem auto;padding:0 1.5rem}
.dev{background:#fff3cd;border:1px solid #e0c36c;padding:.5rem 1rem;border-radius:6px}
form{display:grid;gap:.6rem;max-width:24rem;margin:1rem 0}input{font:inherit;padding:.4rem}
button{font:inherit;padding:.5rem 1rem;cursor:pointer}table{border-collapse:collapse}
td,th{border-bottom:1px solid #ddd;padding:.3rem .6rem;text-align:left}
:focus-visible{outline:3px solid #c26d1a;outline-offset:2px}
"""


@dataclass(frozen=True)
class PageContext:
    db: StoreDatabase
    store_name: str
    help_center_url: str | None
    customer: Mapping[str, Any] | None
    session_token: str | None


def _e(value: object) -> str:
    return html.escape(str(value), quote=True)


def _layout(ctx: PageContext, title: str, body: str, status: int = 200) -> Response:
    who = (
        f'Hi, {_e(ctx.customer["first_name"])} · <a href="/account">Account</a> · '
        '<form method="post" action="/account/logout" style="display:inline;margin:0">'
        '<button type="submit">Sign out</button></form>'
        if ctx.customer
        else '<a href="/account/login">Sign in</a> · <a href="/account/register">Register</a>'
    )
    back = f' · <a href="{_e(ctx.help_center_url)}">Help center</a>' if ctx.help_center_url else ""
    page = (
        f'<!doctype html><html lang="en"><head><meta charset="utf-8">'
        f"<title>{_e(title)} · {_e(ctx.store_name)}</title>"
        f'<meta name="viewport" content="width=device-width,initial-scale=1"><style>{_CSS}</style>'
        f'</head><body><header><strong><a href="/">{_e(ctx.store_name)}</a></strong><span>{who}{back}</span>'
        '</header><main><p class="dev">Development store for previewing the help center: sample data only, '
        f"no real orders, any password works.</p><h1>{_e(title)}</h1>{body}</main></body></html>"
    )
    return Response(
        status,
        page.encode("utf-8"),
        content_type="text/html; charset=utf-8",
        headers={"Cache-Control": "no-store"},
    )


def redirect(location: str, cookie: str | None = None) -> Response:
    headers = {"Location": location, "Cache-Control": "no-store"}
    if cookie is not None:
        headers["Set-Cookie"] = cookie
    return Response(303, b"", content_type="text/plain", headers=headers)


def session_cookie(token: str | None) -> str:
    # SameSite=Lax: the help center's preview on another port of the same host is the same site, so the
    # widget's credentialed /session call carries the cookie.
    if token is None:
        return f"{SESSION_COOKIE}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax"
    return f"{SESSION_COOKIE}={token}; Path=/; HttpOnly; SameSite=Lax"


# --- GET pages ----------------------------------------------------------------------------------------------


def home(ctx: PageContext) -> Response:
    rows = "".join(
        f"<tr><td>{_e(o['order_number'])}</td><td>{_e(o['email'])}</td><td>{_e(o['status'])}</td></tr>"
        for o in ctx.db.all_orders()
    )
    tests = "".join(f"<li><code>{_e(name)}</code></li>" for name in answers(0))
    body = (
        "<p>Try the help center's order lookup with any of these sample orders:</p>"
        f"<table><tr><th>Order number</th><th>Email</th><th>Status</th></tr>{rows}</table>"
        "<p>These order numbers make the store fail on purpose (development and test only; see "
        f"<code>devstore/testorders.py</code>):</p><ul>{tests}</ul>"
        '<p>Help-center events received (votes, searches, contact clicks): <a href="/dev/events.jsonl">'
        "events.jsonl</a>, for <code>helpcenter insights</code>.</p>"
        '<p>The help center embedded in a store page: <a href="/products/enamel-mug">a product page</a>.</p>'
    )
    return _layout(ctx, "Development store", body)


def sign_in(ctx: PageContext, notice: str = "", status: int = 200) -> Response:
    signed_in = f"<p>You are signed in as {_e(ctx.customer['first_name'])}.</p>" if ctx.customer else ""
    body = (
        f"{notice}{signed_in}"
        '<form method="post" action="/account/login"><label>Email <input type="email" name="email" '
        'autocomplete="email" required></label><label>Password <input type="password" name="password" '
        'autocomplete="current-password"></label><button type="submit">Sign in</button></form>'
        '<p>New here? <a href="/account/register">Create an account</a></p>'
        '<section id="recover"><h2>Reset your password</h2>' + _recover_form() + "</section>"
    )
    return _layout(ctx, "Sign in", body, status)


def _recover_form() -> str:
    return (
        '<form method="post" action="/account/recover"><label>Email <input type="email" name="email" '
        'autocomplete="email" required></label><button type="submit">Send reset link</button></form>'
    )


def recover(ctx: PageContext) -> Response:
    return _layout(ctx, "Reset your password", _recover_form())


def register(ctx: PageContext, notice: str = "", status: int = 200) -> Response:
    body = (
        f'{notice}<form method="post" action="/account/register"><label>First name <input name="first_name" '
        'autocomplete="given-name" required maxlength="100"></label><label>Email <input type="email" '
        'name="email" autocomplete="email" required></label><label>Password <input type="password" '
        'name="password" autocomplete="new-password"></label><button type="submit">Create account</button>'
        "</form>"
    )
    return _layout(ctx, "Create an account", body, status)


def account(ctx: PageContext) -> Response:
    if ctx.customer is None:
        return _layout(ctx, "Your account", '<p><a href="/account/login">Sign in</a> to see your orders.</p>')
    orders = ctx.db.orders_of(int(ctx.customer["id"]))
    rows = "".join(
        f'<tr><td><a href="/account/orders/{_e(o["token"])}">{_e(o["order_number"])}</a></td>'
        f"<td>{_e(o['placed_at'][:10])}</td><td>{_e(o['status'])}</td></tr>"
        for o in orders
    )
    body = (
        f"<h2>Account details</h2><p>{_e(ctx.customer['first_name'])} · {_e(ctx.customer['email'])}</p>"
        "<h2>Your orders</h2>"
        + (
            f"<table><tr><th>Order</th><th>Placed</th><th>Status</th></tr>{rows}</table>"
            if rows
            else "<p>No orders yet.</p>"
        )
    )
    return _layout(ctx, "Your account", body)


def order(ctx: PageContext, token: str) -> Response:
    found = ctx.db.order_by_token(token)
    if found is None:
        return not_found(ctx)
    items = "".join(f"<li>{_e(i['quantity'])} × {_e(i['title'])}</li>" for i in found["items"])
    ships = "".join(
        f"<li>{_e(s['carrier'])}: {_e(s['tracking_number'])} ({_e(s['status'])})</li>"
        for s in found["shipments"]
    )
    body = f"<p>Status: {_e(found['status'])} · placed {_e(found['placed_at'][:10])}</p><ul>{items}</ul>" + (
        f"<h2>Shipments</h2><ul>{ships}</ul>" if ships else ""
    )
    return _layout(ctx, f"Order {found['order_number']}", body)


def start_return(ctx: PageContext, token: str) -> Response:
    found = ctx.db.order_by_token(token)
    if found is None:
        return not_found(ctx)
    body = (
        f"<p>Choose the items of order {_e(found['order_number'])} to return. (The development store "
        "stops here.)</p>"
    )
    return _layout(ctx, "Start a return", body)


def _text_page(title: str, text: str) -> Callable[[PageContext], Response]:
    return lambda ctx: _layout(ctx, title, f"<p>{_e(text)}</p>")


contact = _text_page(
    "Contact us", "Write to care@example.com or call +1 555 0100, Monday to Friday, 9:00–17:00."
)
returns_policy = _text_page(
    "Refund policy",
    "Return unused items within 30 days of receipt, in their original packaging, for a refund.",
)
privacy = _text_page("Privacy policy", "Sample policy of the development store; it keeps no real data.")


def not_found(ctx: PageContext) -> Response:
    return _layout(ctx, "Page not found", '<p><a href="/">Back to the store</a></p>', 404)


GET_PAGES: dict[str, Callable[[PageContext], Response]] = {
    "/": home,
    "/account/login": sign_in,
    "/account/register": register,
    "/account/recover": recover,
    "/account": account,
    "/pages/contact": contact,
    "/policies/refund-policy": returns_policy,
    "/policies/privacy-policy": privacy,
    # The WooCommerce preset's My Account endpoints.
    "/my-account/": sign_in,
    "/my-account/lost-password/": recover,
    "/my-account/edit-account/": account,
    "/my-account/orders/": account,
    "/contact/": contact,
    "/refund_returns/": returns_policy,
    "/privacy-policy/": privacy,
}


def get(ctx: PageContext, path: str) -> Response:
    if path == "/my-account/" and ctx.customer is not None:
        return account(ctx)
    if path in GET_PAGES:
        return GET_PAGES[path](ctx)
    for prefix, handler in (("/account/orders/", order), ("/returns/", start_return)):
        if path.startswith(prefix):
            return handler(ctx, path.removeprefix(prefix))
    return not_found(ctx)


# --- form posts ---------------------------------------------------------------------------------------------


def post(ctx: PageContext, path: str, form: Mapping[str, str]) -> Response:
    email = form.get("email", "").strip()
    if path == "/account/login":
        customer = ctx.db.customer_by_email(email)
        if customer is None:
            notice = (
                '<p role="alert">No account uses that email. <a href="/account/register">Register</a>?</p>'
            )
            return sign_in(ctx, notice, 401)
        return redirect("/account", session_cookie(ctx.db.start_session(int(customer["id"]))))
    if path == "/account/register":
        first_name = form.get("first_name", "").strip()[:100]
        if not first_name or "@" not in email:
            return register(ctx, '<p role="alert">Enter your first name and email.</p>', 422)
        customer = ctx.db.add_customer(email, first_name)
        return redirect("/account", session_cookie(ctx.db.start_session(int(customer["id"]))))
    if path == "/account/recover":
        body = "<p>If an account uses that email, a reset link is on its way (the dev store sends none).</p>"
        return _layout(ctx, "Check your email", body)
    if path == "/account/logout":
        if ctx.session_token:
            ctx.db.end_session(ctx.session_token)
        return redirect("/", session_cookie(None))
    return not_found(ctx)
