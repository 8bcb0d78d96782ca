"""The widget a store embeds in its own pages: ``assets/embed.js`` and the files it loads, as extra files.

- ``assets/embed.js``, the loader (``widget/loader.js``): the launcher and the dialog's frame, with every
  locale's few words and the brand's colours written in; at most 3 KB gzip (``benchmarks/embed.py``).
- ``assets/embed/panel.js`` (``widget/panel.js``): the panel, around the theme's own hc-search-engine.js,
  hc-widgets.js and hc-events.js, unchanged (the panel ranks, looks orders up and records events as the
  help center does).
- ``assets/embed/<code>.json``: a locale's strings, store links and suggestions (``extra.embed``).
- ``assets/embed/stemmer-<name>.js``: a locale's Snowball stemmer, kept out of the host page's globals.

Every path is relative to the loader's own URL, so a copy of the site on another host works as it is.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Mapping
from importlib import resources
from pathlib import Path
from typing import Any

from generator.config.brand import LAUNCHER_POSITIONS
from generator.config.embed import CARE_TOPIC, EmbedSettings, check_topic, settings_of
from generator.config.locales import Locale
from generator.config.project import Project
from generator.reading.model import HelpCenter, Question
from generator.search.languages import SNOWBALL
from generator.theme_location import packaged_theme

LOADER = "assets/embed.js"
FOLDER = "assets/embed/"
EMBED_PATH = "/embed/"
"""The ``path`` of the events the widget sends (never the host page's)."""
TOPIC_SIZE = 6
"""Suggestions shown for a category or the care guides: their first articles."""
THEME_SCRIPTS = "assets/javascripts/"
STRING_PREFIXES = ("embed_", "search", "order_")
STRING_KEYS = ("most_asked", "contact_us", "home_heading")
ICON = "M4 4h16v12H8l-4 4z"
"""A speech bubble: the launcher's icon."""
CLOSE = "M19 6.4 17.6 5 12 10.6 6.4 5 5 6.4 10.6 12 5 17.6 6.4 19 12 13.4 17.6 19 19 17.6 13.4 12z"


def script_tag(project: Project) -> str:
    """The tag a store pastes into its theme, with the site's public address."""
    return f'<script src="{project.site_url}{LOADER}" async></script>'


def cors_headers(project: Project) -> str:
    """``_headers`` rules that let store pages fetch the widget's files (Netlify, Cloudflare Pages)."""
    folders = ["/assets/*", *(f"/{locale.code}/assets/*" for locale in project.locales if not locale.default)]
    return "".join(f"{folder}\n  Access-Control-Allow-Origin: *\n" for folder in folders)


def embed_files(project: Project, helpcenter: HelpCenter, translations: Mapping[str, HelpCenter],
                locales_data: Mapping[str, Mapping[str, Any]]) -> dict[str, bytes]:
    """Every file of the widget, by site path. Raises ConfigError for ``extra.embed`` naming nothing."""
    extra = (project.raw or {}).get("extra") or {}
    settings = settings_of(extra)
    topics = _topic_ids(settings, helpcenter)
    files: dict[str, bytes] = {}
    locales = project.locales or (project.default_locale,)
    for locale in locales:
        own = helpcenter if locale.default else translations.get(locale.code, helpcenter)
        data = locales_data.get(locale.code) or {}
        files[f"{FOLDER}{locale.code}.json"] = _json(_locale_data(project, locale, own, helpcenter, data, topics,
                                                                   settings))
    theme = _theme_scripts(project)
    if theme is None:  # a theme without the help center's scripts has nothing for the panel to reuse
        return {}
    files[f"{FOLDER}panel.js"] = _panel(theme).encode("utf-8")
    for language in {locale.language.lower().split("-")[0] for locale in locales} & SNOWBALL.keys():
        files[f"{FOLDER}stemmer-{SNOWBALL[language]}.js"] = _stemmer_bundle(theme, SNOWBALL[language]).encode("utf-8")
    version = hashlib.sha256(b"".join(files[path] for path in sorted(files))).hexdigest()[:10]
    files[LOADER] = _loader(project, locales, locales_data, extra.get("brand") or {}, version).encode("utf-8")
    return files


def _json(value: object) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode("utf-8")


def _source(name: str) -> str:
    return (resources.files("generator.rendering") / "widget" / name).read_text("utf-8")


def _theme_scripts(project: Project) -> Path | None:
    """The scripts folder the site's own pages load: a store's ``custom_dir`` when it overrides the engine,
    else the generator's packaged theme (generator/theme_location.py); None when neither has it."""
    raw_theme = (project.raw or {}).get("theme") or {}
    custom = raw_theme.get("custom_dir") if isinstance(raw_theme, Mapping) else None
    folders = [project.root / str(custom) / THEME_SCRIPTS] if custom else []
    folders.append(packaged_theme() / THEME_SCRIPTS)
    return next((folder for folder in folders if (folder / "hc-search-engine.js").is_file()), None)


# --- what a locale's panel reads ------------------------------------------------------------------------


def _topic_ids(settings: EmbedSettings, helpcenter: HelpCenter) -> dict[str, list[str]]:
    """Each topic's article ids: categories, the care guides, extra.embed's own topics and the rules' ids."""
    topics = {c.id: [q.id for q in c.questions[:TOPIC_SIZE]] for c in helpcenter.categories}
    topics[CARE_TOPIC] = [g.id for g in helpcenter.guides[:TOPIC_SIZE]]  # always a topic: empty without guides
    articles = set(helpcenter.articles_by_id)
    for name, ids in settings.topics.items():
        for n, article_id in enumerate(ids, 1):
            check_topic(f"extra.embed.topics.{name}[{n}]", article_id, articles)
        topics[name] = list(ids)
    known = set(topics) | articles
    for n, rule in enumerate(settings.pages, 1):
        check_topic(f"extra.embed.pages[{n}].topic", rule.topic, known)
        topics.setdefault(rule.topic, [rule.topic])
    return topics


def _item(article_id: str, locale: Locale, own: HelpCenter, source: HelpCenter, mark: str,
          fallback_language: str) -> dict[str, str]:
    translated = own.article(article_id) if own is not source or locale.default else None
    article = translated or source.articles_by_id[article_id]
    title = article.question if isinstance(article, Question) else article.title
    if translated is not None:
        return {"id": article_id, "title": title, "url": locale.prefix + article.url}
    return {"id": article_id, "title": title, "url": article.url, "lang": fallback_language, "mark": mark}


def _locale_data(project: Project, locale: Locale, own: HelpCenter, source: HelpCenter, data: Mapping[str, Any],
                 topics: dict[str, list[str]], settings: EmbedSettings) -> dict[str, Any]:
    fallback = project.default_locale.language
    flat: Mapping[str, str] = data.get("strings") or {}
    widget_strings: Mapping[str, str] = data.get("widget_strings") or {}
    strings = {k: v for k, v in flat.items() if k.startswith(STRING_PREFIXES) or k in STRING_KEYS}
    strings.update(widget_strings)
    mark = widget_strings.get(f"in_language_{fallback}", fallback)
    store = (data.get("store") or project.store.to_template_data())
    links = locale.links or store["links"]
    return {
        "lang": locale.language,
        "dir": locale.dir,
        "home": locale.prefix or "./",
        "index": f"{locale.prefix}assets/search/",
        "strings": strings,
        "store": {"name": store["name"], "api_url": store["api_url"], "orders": links.get("orders", ""),
                  "contact": links.get("contact", "")},
        "events": store.get("events_url"),
        "featured": list(data.get("featured") or []),
        "topics": {name: [_item(i, locale, own, source, mark, fallback) for i in ids] for name, ids in topics.items()},
        "pages": [{"path": rule.path, "topic": rule.topic} for rule in settings.pages],
    }


# --- the scripts ----------------------------------------------------------------------------------------


def _wrapped(source: str, parameters: str) -> str:
    """A theme script as a function whose parameters stand for the globals it would otherwise use."""
    return f"(function ({parameters}) {{\n{source}\n}})"


def _panel(theme: Path) -> str:
    engine = (theme / "hc-search-engine.js").read_text("utf-8")
    css = re.sub(r"/\*.*?\*/", "", _source("panel.css"), flags=re.S)
    parts = {
        "__ENGINE__": _wrapped(engine + "\nreturn module.exports || globalThis.hcSearch;", "module, globalThis")
        + "({ exports: {} }, stemmers)",
        "__WIDGETS__": _wrapped((theme / "hc-widgets.js").read_text("utf-8"), "document, window"),
        "__EVENTS__": _wrapped((theme / "hc-events.js").read_text("utf-8"), "document, window, location"),
        "__PANEL_CSS__": json.dumps(css.strip()),
    }
    return re.sub("|".join(parts), lambda m: parts[m.group(0)], _source("panel.js"))


def _stemmer_bundle(theme: Path, name: str) -> str:
    """Snowball's base and ``name`` stemmers, defined on the object the panel hands over, not on window."""
    folder = theme / "snowball"
    stemmer = name[:1].upper() + name[1:] + "Stemmer"
    body = "\n".join((folder / f"{file}-stemmer.js").read_text("utf-8") for file in ("base", name))
    return (f"(function (target) {{\nif (!target) return;\nvar BaseStemmer, {stemmer};\n{body}\n"
            f"target.BaseStemmer = BaseStemmer;\ntarget.{stemmer} = {stemmer};\n}})"
            "(document.currentScript && document.currentScript.hcEmbedStemmers);\n")


_STRING = re.compile(r'("(?:[^"\\\n]|\\.)*")')
_SPACE = re.compile(r"\s*([-{}()\[\];,:=<>?|&+*!/])\s*")
_CSS_SPACE = re.compile(r"\s*([{}();,:>])\s*")  # never around + - * / (calc and min need them)


def _minified(source: str, space: re.Pattern[str] = _SPACE) -> str:
    """Comments, indentation and the spaces around punctuation out (the loader's budget is 3 KB gzip),
    never inside a double-quoted string; the code itself is left as written (loader.js and loader.css
    hold no regular expression literal and no single-quoted string)."""
    source = re.sub(r"/\*.*?\*/", "", source, flags=re.S)
    lines = (line.strip() for line in source.splitlines())
    code = "\n".join(line for line in lines if line and not line.startswith("//")) + "\n"
    return "".join(part if n % 2 else space.sub(r"\1", part) for n, part in enumerate(_STRING.split(code)))


def _loader(project: Project, locales: tuple[Locale, ...], locales_data: Mapping[str, Mapping[str, Any]],
            brand: Mapping[str, Any], version: str) -> str:
    words: dict[str, dict[str, Any]] = {}
    for locale in locales:
        strings = (locales_data.get(locale.code) or {}).get("strings") or {}
        words[locale.code] = {"lang": locale.language, "dir": locale.dir, "p": locale.prefix, "t": {
            "launcher": strings.get("embed_launcher"), "close": strings.get("embed_close"),
            "loading": strings.get("embed_loading"), "down": strings.get("embed_unavailable"),
            "open": strings.get("embed_open_help_center"), "title": strings.get("home_heading")}}
    light = project.palette.light  # readable shades derived from the brand, as the help center's own pages use
    css = _minified(_source("loader.css"), _CSS_SPACE)
    for name, colour in (("ON_BRAND", light["on-brand"]), ("LINK_TEXT", light["brand-text"]),
                         ("PRIMARY", light["brand"]), ("ACCENT", light["accent"])):
        css = css.replace(name, colour)
    side = str(brand.get("launcher") or LAUNCHER_POSITIONS[0]).removeprefix("bottom-")
    config = {"v": version, "d": project.default_locale.code, "l": words, "b": {"side": side},
              "css": css.replace("\n", ""), "icon": ICON, "x": CLOSE}
    text = json.dumps(config, ensure_ascii=False, separators=(",", ":"))
    return _minified(_source("loader.js")).replace("CONFIG", text, 1)
