"""Write a new store's help center into an empty folder: configuration, starter content, README, workflows.

Every input is checked and every file rendered before the first is written, so bad input writes nothing;
files are created exclusively, so nothing is ever overwritten.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import metadata, resources
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import babel
import jinja2
import yaml

from generator.config.brand import DEFAULTS, parse_colour
from generator.config.store import resolve_store
from generator.errors import ConfigError, HelpCenterError

STARTER_LANGUAGES = ("en", "fr", "de", "es", "it", "nl", "pt-BR", "ja", "zh-Hans")
"""Languages the starter category, care guide, synonyms and search expectations are written in: every
language the generator ships UI strings for (generator/rendering/strings.py's SHIPPED)."""
SCHEMAS = ("faq.schema.json", "care.schema.json", "synonyms.schema.json")

_FILES = (  # (template, path in the new folder); {code} is a locale's folder under content/
    ("mkdocs.yml.j2", "mkdocs.yml"),
    ("README.md.j2", "README.md"),
    ("requirements.txt.j2", "requirements.txt"),
    ("gitignore.j2", ".gitignore"),
    ("editorconfig.j2", ".editorconfig"),
    ("vscode-settings.json.j2", ".vscode/settings.json"),
    ("pre-commit-config.yaml.j2", ".pre-commit-config.yaml"),
    ("workflow-content.yml.j2", ".github/workflows/content.yml"),
    ("workflow-publish.yml.j2", ".github/workflows/publish.yml"),
)
_CONTENT = (  # written in the default locale's starter language, and translated for each other starter locale
    ("faq.{lang}.yml.j2", "faq/orders-and-returns.yml"),
    ("care.{lang}.md.j2", "care/caring-for-your-products.md"),
    ("synonyms.{lang}.yml.j2", "search/synonyms.yml"),
)


class ScaffoldError(HelpCenterError):
    """Bad input to ``helpcenter new``: nothing was written."""


@dataclass(frozen=True)
class NewLocale:
    code: str
    """The URL prefix and content/<code>/ folder: lowercase."""
    language: str
    """As the generator's catalogues and Babel write it (pt-BR, zh-Hans)."""
    site_name: str
    site_description: str
    starter: bool
    """Its starter content is written (a language of STARTER_LANGUAGES)."""
    shipped: bool = True
    """The generator ships its UI strings; if not, the store writes them in content/<code>/strings.yml."""


@dataclass(frozen=True)
class NewStore:
    name: str
    store_url: str
    api_url: str | None
    site_url: str
    brand_color: str
    locales: tuple[NewLocale, ...]


def new_store(name: str, url: str, locales: str, api_url: str | None = None, brand_color: str | None = None,
              site_url: str | None = None) -> NewStore:
    """The new help center's settings, checked; a ScaffoldError names each bad value."""
    name = name.strip()
    if not name:
        raise ScaffoldError("--name: give the store's name, e.g. --name 'Acme Surf'")
    store_url, api = _store_urls(url, api_url)
    colour = DEFAULTS["primary"] if brand_color is None else parse_colour(brand_color.strip())
    if colour is None:
        raise ScaffoldError(f"--brand-color: '{brand_color}' is not a colour; write it as #rrggbb, e.g. #ff6f59")
    return NewStore(name=name, store_url=store_url, api_url=api, site_url=_site_url(site_url, store_url),
                    brand_color=colour, locales=_locales(locales, name))


def write_new(folder: Path, store: NewStore) -> list[Path]:
    """Render every file, then create them in ``folder`` (absent or empty); returns the paths written."""
    if folder.exists() and not folder.is_dir():
        raise ScaffoldError(f"{folder}: a file, not a folder; give a new or empty folder (nothing was written)")
    if folder.exists() and any(folder.iterdir()):
        raise ScaffoldError(f"{folder}: not an empty folder; give a new or empty one (nothing was written)")
    files = render(store)
    written = []
    for relative, text in files.items():
        path = folder / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("x", encoding="utf-8") as out:  # "x": never replaces a file
            out.write(text)
        written.append(path)
    return written


def render(store: NewStore) -> dict[str, str]:
    """Every file of the new help center by its path, as text."""
    env = jinja2.Environment(loader=jinja2.PackageLoader("generator.scaffold", "templates"), autoescape=False,
                             keep_trailing_newline=True, undefined=jinja2.StrictUndefined)
    env.filters["yaml"] = lambda value: json.dumps(value, ensure_ascii=False)  # JSON strings are YAML strings
    default = store.locales[0]
    context: dict[str, Any] = {
        "name": store.name, "store_url": store.store_url, "api_url": store.api_url, "site_url": store.site_url,
        "brand_color": store.brand_color, "locales": store.locales, "default": default,
        "site_name": default.site_name, "site_description": default.site_description, "version": generator_version(),
    }
    files = {path: env.get_template(template).render(context) for template, path in _FILES}
    starter = default.language if default.starter else "en"
    for locale in [default, *(locale for locale in store.locales[1:] if locale.starter)]:
        folder = content_folder(store, locale)
        language = starter if locale is default else locale.language
        schema_path = "../" * (folder.count("/") + 1) + ".vscode/schemas"
        for template, path in _CONTENT:
            files[folder + path] = env.get_template(template.format(lang=language)).render(
                context, schema_path=schema_path)
    for locale, path, _ in untranslated(store):
        files[path] = strings_to_translate(locale)
    files["content/search/expectations.yml"] = env.get_template(f"expectations.{starter}.yml.j2").render(context)
    files["docs/.gitkeep"] = ""  # MkDocs needs docs_dir; the store's logo and favicon go there
    schemas = resources.files("generator.reading") / "schemas"
    for schema in SCHEMAS:
        files[f".vscode/schemas/{schema}"] = (schemas / schema).read_text("utf-8")
    return files


def _store_urls(url: str, api_url: str | None) -> tuple[str, str | None]:
    raw = {"url": url.strip().rstrip("/"), **({"api_url": api_url.strip()} if api_url is not None else {})}
    try:
        resolve_store(raw, {})
    except ConfigError as err:
        message = str(err).replace("extra.store.api_url", "--api-url").replace("extra.store.url", "--url")
        raise ScaffoldError(message) from None
    if not urlsplit(raw["url"]).hostname or "." not in (urlsplit(raw["url"]).hostname or "."):
        raise ScaffoldError(f"--url: '{url}' is not a web address; give the store's, e.g. https://shop.example.com")
    return raw["url"], raw.get("api_url")


def _site_url(site_url: str | None, store_url: str) -> str:
    if site_url is None:  # the usual home of a store's help center; mkdocs.yml says to change it
        host = urlsplit(store_url).hostname or ""
        return f"https://help.{host.removeprefix('www.')}/"
    parts = urlsplit(site_url.strip())
    if parts.scheme not in ("https", "http") or not parts.hostname:
        raise ScaffoldError(f"--site-url: '{site_url}' is not a web address; e.g. https://help.example.com/")
    return site_url.strip().rstrip("/") + "/"


def _locales(text: str, store_name: str) -> tuple[NewLocale, ...]:
    from generator.rendering.dates import site_locale
    from generator.rendering.strings import shipped_catalogue

    codes = [code.strip() for code in text.split(",") if code.strip()]
    if not codes:
        raise ScaffoldError("--locales: give the help center's languages, the default first, e.g. --locales en,de")
    words = yaml.safe_load((resources.files("generator.scaffold") / "languages.yml").read_text("utf-8"))
    locales = []
    for language in codes:
        try:
            site_locale(language)
        except ConfigError:
            raise ScaffoldError(f"--locales: '{language}' is not a language code; use codes such as en, de, fr, "
                                "pt-BR or zh-Hans") from None
        known = words.get(language) or words.get(language.split("-")[0]) or words["en"]
        locales.append(NewLocale(code=language.lower(), language=language,
                                 site_name=known["site_name"].format(store=store_name),
                                 site_description=known["site_description"].format(store=store_name),
                                 starter=language in STARTER_LANGUAGES,
                                 shipped=shipped_catalogue(language) is not None))
    duplicates = sorted({locale.code for locale in locales if [lo.code for lo in locales].count(locale.code) > 1})
    if duplicates:
        raise ScaffoldError(f"--locales: {', '.join(duplicates)} given twice")
    return tuple(locales)


def untranslated(store: NewStore) -> list[tuple[NewLocale, str, int]]:
    """(locale, its strings.yml, how many UI strings it needs) for each language the generator ships none for."""
    from generator.rendering.strings import REFERENCE, shipped_catalogue

    english = shipped_catalogue(REFERENCE) or {}
    count = sum(len(value) if key == "widgets" else 1 for key, value in english.items())
    return [(locale, content_folder(store, locale) + "strings.yml", count) for locale in store.locales
            if not locale.shipped]


def content_folder(store: NewStore, locale: NewLocale) -> str:
    """Where ``locale``'s content goes: content/ for the default (the first), else content/<code>/."""
    return "content/" if locale is store.locales[0] else f"content/{locale.code}/"


def strings_to_translate(locale: NewLocale) -> str:
    """A strings.yml holding every UI string commented out beside its English, for a translator to fill in.

    Commented rather than filled with English: the language is all or nothing, so `helpcenter check` and the
    build list each string still missing instead of publishing English on its pages.
    """
    from generator.rendering.strings import REFERENCE, SHIPPED, shipped_catalogue

    english = shipped_catalogue(REFERENCE) or {}
    name = babel.Locale.parse(locale.language, sep="-").get_display_name("en")
    lines = [f"# The help center's UI words in {name} ({locale.language}). The generator ships them for",
             f"# {', '.join(SHIPPED)}, not for this language: they are yours to write, all of them (no English",
             "# is shown in their place).",
             "# Each commented line is one string with its English text: remove the leading '# ' and replace the",
             "# English with your translation, keeping {placeholders} as they are. `helpcenter check` lists the",
             "# strings still missing; the site builds once every one is here."]
    for key, value in english.items():
        if key == "widgets":
            lines += ["# The scripts' words, under widgets: (uncomment that line too).", "# widgets:"]
            lines += ["#   " + _yaml_line(widget_key, text) for widget_key, text in value.items()]
        else:
            lines.append("# " + _yaml_line(key, value))
    return "\n".join(lines) + "\n"


def _yaml_line(key: str, value: Any) -> str:
    return f"{key}: {json.dumps(value, ensure_ascii=False)}"  # JSON is YAML: quoted alike, plurals included


def generator_version() -> str:
    try:
        return metadata.version("helpcenter")
    except metadata.PackageNotFoundError:  # run from a source tree without installing
        return "0.1.0"
