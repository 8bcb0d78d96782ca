"""A fake product page with the help center's embedded widget (``make serve``: the store's /products/… page).

It shows what a store gets from the one script tag of EMBED.md, on another origin than the help center, under a
strict Content Security Policy (the help center's origin in script-src and connect-src, this store in
connect-src, nothing for the widget in style-src). ``?without-widget`` leaves the tag out, so that
``benchmarks/embed.py`` measures the page with and without it. General goods only: nothing store-specific.
"""

from __future__ import annotations

import html
from urllib.parse import urlsplit

from devstore.api import Response

PATH = "/products/enamel-mug"
STYLESHEET = "/demo.css"
WITHOUT = "without-widget"

CSS = b"""
body{margin:0;font:16px/1.5 Georgia,serif;color:#222;background:#fff}
header{display:flex;justify-content:space-between;align-items:center;padding:1rem 2rem;background:#222;color:#fff}
header a{color:#fff}main{display:grid;grid-template-columns:repeat(auto-fit,minmax(18rem,1fr));gap:2rem;
max-width:60rem;margin:2rem auto;padding:0 1.5rem}.photo{aspect-ratio:1;border-radius:8px;
background:linear-gradient(135deg,#e9e4da,#c9c1b3)}.price{font-size:1.5rem;font-weight:bold}
button{font:inherit;padding:.8rem 1.6rem;border:0;border-radius:4px;background:#7a2e1f;color:#fff;cursor:pointer}
.dev{max-width:60rem;margin:0 auto;padding:0 1.5rem;color:#555;font-size:.9rem}
"""


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def stylesheet() -> Response:
    return Response(200, CSS, content_type="text/css; charset=utf-8", headers={"Cache-Control": "no-store"})


def product_page(help_center_url: str | None, store_url: str, query: str = "") -> Response:
    """The product page; the widget's tag when the help center's address is known and not left out."""
    tag, note = "", "Start the preview with <code>make serve</code> to see the help widget here."
    policy = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'"
    if help_center_url:
        help_origin = html.escape(_origin(help_center_url), quote=True)
        policy = (f"default-src 'none'; script-src {help_origin}; connect-src {help_origin} {_origin(store_url)}; "
                  "style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'")
        note = ("The help button comes from one tag, <code>&lt;script src=\"…/assets/embed.js\" async&gt;</code>, "
                "on a page whose Content Security Policy allows nothing else for it. Development store: nothing "
                "here is for sale.")
        if WITHOUT not in query.split("&"):
            src = html.escape(help_center_url.rstrip("/") + "/assets/embed.js", quote=True)
            tag = f'<script src="{src}" async></script>'
    page = (
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Enamel camping mug · Demo store</title>'
        '<meta name="viewport" content="width=device-width,initial-scale=1">'
        f'<link rel="stylesheet" href="{STYLESHEET}"></head><body><header><strong>Demo store</strong>'
        '<a href="/">Store home</a></header><main><div class="photo" role="img" aria-label="A white enamel mug">'
        '</div><div><h1>Enamel camping mug, 350 ml</h1><p class="price">€14.00</p><p>Light, sturdy and easy to '
        'clean: a mug for the campsite and the kitchen table. Dishwasher safe.</p><button type="button">Add to '
        f'basket</button></div></main><p class="dev">{note}</p>{tag}</body></html>'
    )
    headers = {"Content-Security-Policy": policy, "Cache-Control": "no-store"}
    return Response(200, page.encode("utf-8"), content_type="text/html; charset=utf-8", headers=headers)
