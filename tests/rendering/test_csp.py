"""The Content Security Policy computed from a page's final HTML (generator/rendering/csp.py)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.config.store import resolve_store
from generator.errors import BuildError
from generator.rendering import csp

STORE = resolve_store({"url": "https://shop.example.com", "api_url": "https://api.example.com:8443/help"}, {})
SETTINGS = csp.settings_for(STORE, "https://cdn.example.net/logo.png")

PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width">
<script>document.documentElement.classList.remove("no-js")</script>
<script type="application/ld+json">{"@type": "FAQPage"}</script>
<script type="application/json" id="cfg">{"base": "."}</script>
<style>:root { --hc-brand: #1f4e4a; }</style>
<link rel="stylesheet" href="assets/main.css">
</head>
<body>
<script src="assets/hc-search.js"></script>
<script type="module">import "./x.js"</script>
<pre><code>&lt;div onclick="x()"&gt;</code></pre>
</body>
</html>
"""


def directives(policy: str) -> dict[str, list[str]]:
    return {name: sources for name, *sources in (part.split() for part in policy.split("; "))}


def meta_policy(html: str) -> str:
    found = re.findall(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', html)
    assert len(found) == 1, found
    return found[0]


def test_hashes_are_the_ones_browsers_compute() -> None:
    # The example of CSP's specification and MDN: <script>alert('Hello, world.');</script>
    assert csp.sha256_source("alert('Hello, world.');") == "'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='"
    assert csp.sha256_source("a\r\nb") == csp.sha256_source("a\nb")  # the parser's line breaks


def test_only_inline_code_a_browser_runs_is_hashed() -> None:
    code = csp.inline_code(PAGE)
    assert code.scripts == {csp.sha256_source('document.documentElement.classList.remove("no-js")'),
                            csp.sha256_source('import "./x.js"')}
    assert code.styles == {csp.sha256_source(":root { --hc-brand: #1f4e4a; }")}
    assert code.style_attributes == set() and code.handlers == set()  # escaped markup in code is text


def test_style_attributes_and_handlers_are_found_with_their_values_as_parsed() -> None:
    code = csp.inline_code('<p style="content: &quot;x&quot;" ONCLICK="go()">'
                           '<script>var s = "<b onload=x>";</script>')
    assert code.style_attributes == {csp.sha256_source('content: "x"')}
    assert code.handlers == {"onclick"}


def test_attributes_are_read_in_their_tag_only() -> None:
    code = csp.inline_code('<p title="a > b" style="color: red">The style = plain, onward = text</p>')
    assert code.style_attributes == {csp.sha256_source("color: red")} and code.handlers == set()


def test_the_policy_goes_right_after_the_charset_before_any_script() -> None:
    html, _ = csp.apply_policy(PAGE, SETTINGS)
    head = html.split("</head>")[0]
    assert head.index('<meta charset="utf-8">') < head.index("Content-Security-Policy") < head.index("<script")
    assert '<meta name="referrer" content="strict-origin-when-cross-origin">' in head


def test_the_policy_allows_the_site_the_store_and_exactly_the_pages_inline_code() -> None:
    html, code = csp.apply_policy(PAGE, SETTINGS)
    policy = directives(meta_policy(html))
    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"] == ["'self'", *sorted(code.scripts)]
    assert policy["style-src"] == ["'self'", *sorted(code.styles)]
    assert policy["connect-src"] == ["'self'", "https://api.example.com:8443"]
    assert policy["img-src"] == ["'self'", "https://cdn.example.net"]
    assert policy["form-action"] == ["'self'", "https://shop.example.com"]
    assert policy["base-uri"] == ["'none'"] and policy["object-src"] == ["'none'"]
    assert "frame-ancestors" not in policy  # ignored (with a console error) in a <meta>
    assert "'unsafe-inline'" not in meta_policy(html) and "'unsafe-eval'" not in meta_policy(html)


def test_style_attributes_are_allowed_by_their_hashes_only() -> None:
    html, _ = csp.apply_policy(PAGE.replace("<body>", '<body style="margin: 0">'), SETTINGS)
    assert directives(meta_policy(html))["style-src"][-2:] == ["'unsafe-hashes'", csp.sha256_source("margin: 0")]


def test_applying_twice_gives_the_same_page() -> None:
    once, _ = csp.apply_policy(PAGE, SETTINGS)
    assert csp.apply_policy(once, SETTINGS)[0] == once


def test_a_page_without_a_head_is_left_alone() -> None:
    assert csp.apply_policy("<p>fragment</p>", SETTINGS)[0] == "<p>fragment</p>"


def test_a_page_without_a_charset_gets_the_policy_first_in_its_head() -> None:
    html, _ = csp.apply_policy("<html><head><script>x()</script></head></html>", SETTINGS)
    assert html.startswith('<html><head>\n<meta http-equiv="Content-Security-Policy"')


def test_a_script_a_server_adds_is_rehashed_and_nothing_else_changes() -> None:
    html, _ = csp.apply_policy(PAGE, SETTINGS)
    served = csp.rehash_scripts(html.replace("</body>", "<script>livereload(1, 2);</script></body>"))
    before, after = directives(meta_policy(html)), directives(meta_policy(served))
    assert csp.sha256_source("livereload(1, 2);") in after["script-src"]
    assert {k: v for k, v in after.items() if k != "script-src"} == {k: v for k, v in before.items()
                                                                      if k != "script-src"}


def test_the_headers_file_carries_every_pages_code_and_what_only_a_header_can() -> None:
    site = csp.InlineCode()
    for script in ("a()", "b()"):
        site.update(csp.apply_policy(PAGE.replace("<body>", f"<body><script>{script}</script>"), SETTINGS)[1])
    text = csp.headers_file(SETTINGS, site)
    assert text.splitlines()[1] == "/*"
    policy = directives(re.findall(r"Content-Security-Policy: (.*)", text)[0])
    assert {csp.sha256_source("a()"), csp.sha256_source("b()")} <= set(policy["script-src"])
    assert policy["frame-ancestors"] == ["'none'"]
    assert "  X-Content-Type-Options: nosniff" in text.splitlines()
    assert "  Referrer-Policy: strict-origin-when-cross-origin" in text.splitlines()
    assert re.search(r"^  Permissions-Policy: .*camera=\(\).*geolocation=\(\)", text, re.M)


@pytest.mark.parametrize(("environ", "connect", "form"), [
    ({}, "https://api.example.com:8443", "https://shop.example.com"),
    ({"HELPCENTER_STORE_URL": "https://staging.example.com"}, "https://api.example.com:8443",
     "https://staging.example.com"),
    ({"HELPCENTER_STORE_URL": "http://127.0.0.1:8001", "HELPCENTER_STORE_API_URL": "http://127.0.0.1:8001/api/help"},
     "http://127.0.0.1:8001", "http://127.0.0.1:8001"),
])
def test_the_policy_follows_the_store_settings_and_their_environment_overrides(
    environ: dict[str, str], connect: str, form: str
) -> None:
    store = resolve_store({"url": "https://shop.example.com", "api_url": "https://api.example.com:8443/help"},
                          environ)
    settings = csp.settings_for(store)
    assert settings.connect == (connect,) and settings.forms == (form,) and settings.images == ()


def test_a_relative_store_image_needs_no_other_origin() -> None:
    assert csp.settings_for(STORE, "assets/images/logo.svg").images == ()


def test_origins_keep_scheme_host_and_port_only() -> None:
    assert csp.origin("HTTPS://Shop.Example.com:8443/api/help?x=1") == "https://shop.example.com:8443"


def test_a_built_site_with_an_inline_handler_is_refused_and_left_as_it_was(tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text(PAGE, "utf-8")
    (tmp_path / "help").mkdir()
    (tmp_path / "help" / "index.html").write_text(PAGE.replace("<body>", '<body onload="go()">'), "utf-8")
    with pytest.raises(BuildError, match=r"help/index\.html: onload"):
        csp.apply_to_site(tmp_path, SETTINGS)
    assert (tmp_path / "index.html").read_text("utf-8") == PAGE and not (tmp_path / "_headers").exists()


def test_a_folder_without_pages_is_named(tmp_path: Path) -> None:
    with pytest.raises(BuildError, match="no HTML pages here"):
        csp.apply_to_site(tmp_path, SETTINGS)


TRICKY = [
    PAGE,
    '<p style="color:red" onclick="x()">a</p><SCRIPT>1</SCRIPT><div\n ONLOAD = "y" Style=\'a:b\'>',
    "<script src=x></script><style>a{}</style><scriptx>",
    "x onclick=1 <a  onmouseover=2 >text style=3",
    '<p title="a style=b">', '<b on=1 style = "q">', "<i\tONCLICK\n=\n'z'>",
    "<scrİpt>a</scrİpt><script>b</scrİpt ><STYLE>c</style\t>",  # a back-reference reads İ as i
    "<script>never closed", "<script a=\"x>y\" b>z</script>", "<style/>q</style>",
    "<ſcript>x</ſcript><script>q</ſcript></script>",  # ſ matches s case-insensitively, not as a back-reference
]


@pytest.mark.parametrize("html", TRICKY)
def test_the_fast_scan_finds_what_the_patterns_find(html: str) -> None:
    """The block and attribute scans, made faster, give what the plain patterns give."""
    blocks: list[tuple[str, str, str]] = []
    expected_blocks: list[tuple[str, str, str]] = []

    def set_aside(block: re.Match[str]) -> str:
        expected_blocks.append((block.group(1), block.group(2), block.group(3)))
        return ""

    expected_markup = csp._SCRIPT_OR_STYLE.sub(set_aside, html)
    assert csp._without_blocks(html, blocks) == expected_markup and blocks == expected_blocks
    expected_tags: dict[int, str] = {}
    for hit in re.finditer(r"\s(?:style|on[a-z]+)\s*=", expected_markup.lower()):
        start = expected_markup.rfind("<", 0, hit.start())
        tag = csp._TAG.match(expected_markup, start) if start >= 0 else None
        if tag is not None and tag.end() > hit.end():
            expected_tags[start] = tag.group(1)
    assert csp._tags_with_inline_attributes(expected_markup) == list(expected_tags.values())
