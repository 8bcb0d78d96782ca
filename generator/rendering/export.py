"""``helpcenter export DIR``: the generated pages and a plain configuration, for another engine.

Zensical (Material's successor) reads mkdocs.yml but runs no third-party plugin, so the export
contains everything the plugin would have added: the pages, the extra files, the navigation,
``extra.hc`` for the theme, and a copy of the theme and static files. Zensical also renders no
theme template but pages, so the sitemap and robots.txt are rendered here from the theme's own
templates and exported ready-made.
"""

from __future__ import annotations

import gzip
import posixpath
import shutil
import tempfile
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import jinja2
import yaml

from generator.config.project import PLUGIN_NAME, Project
from generator.errors import BuildError
from generator.rendering.pages import Page
from generator.rendering.site import Output
from generator.theme_location import SCRIPTS, STYLESHEETS, packaged_theme

SITE_TEMPLATES = ("sitemap.xml", "robots.txt")
"""The theme's templates of whole files, which only MkDocs renders: the export renders them itself."""


def exported_config(project: Project, output: Output) -> dict[str, Any]:
    config = dict(project.raw or {})
    config["docs_dir"] = "docs"
    config["site_dir"] = "site"
    config["nav"] = output.nav
    plugins = [p for p in config.get("plugins") or []
               if p != PLUGIN_NAME and not (isinstance(p, dict) and PLUGIN_NAME in p)]
    if plugins:
        config["plugins"] = plugins
    else:
        config.pop("plugins", None)
    theme = dict(config.get("theme") or {})
    theme["custom_dir"] = "theme"  # the generator's theme, with the store's own templates copied over it
    config["extra_css"] = [*STYLESHEETS, *(name for name in config.get("extra_css") or [] if name not in STYLESHEETS)]
    config["extra_javascript"] = [*SCRIPTS, *(name for name in config.get("extra_javascript") or []
                                              if name not in SCRIPTS)]
    static_templates = [name for name in theme.get("static_templates") or [] if name not in SITE_TEMPLATES]
    if static_templates:
        theme["static_templates"] = static_templates
    else:
        theme.pop("static_templates", None)
    config["theme"] = theme
    extra = dict(config.get("extra") or {})
    extra["hc"] = output.template_data
    config["extra"] = extra
    return config


def export(project: Project, output: Output, destination: Path) -> int:
    """Write the export into ``destination`` (which must be empty or absent); returns the page count."""
    if destination.exists() and (not destination.is_dir() or any(destination.iterdir())):
        raise BuildError(f"{destination}: the export folder is not empty; choose a new folder or empty it first")
    destination.parent.mkdir(parents=True, exist_ok=True)
    # Written beside the destination and renamed at the end, so a failure leaves no half export.
    staging = Path(tempfile.mkdtemp(prefix=".export-", dir=destination.parent))
    try:
        _write_export(project, output, staging)
        if destination.exists():
            destination.rmdir()
        staging.rename(destination)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return len(output.pages)


def _write_export(project: Project, output: Output, destination: Path) -> None:
    docs = destination / "docs"
    docs_source = project.root / str((project.raw or {}).get("docs_dir", "docs"))
    if docs_source.is_dir():
        shutil.copytree(docs_source, docs, dirs_exist_ok=True)
    for page in output.pages:
        _write(docs / page.path, page.content.encode("utf-8"))
    for path, data in output.files.items():
        _write(docs / path, data)
    custom_dir = ((project.raw or {}).get("theme") or {}).get("custom_dir")
    store_theme = [project.root / custom_dir] if custom_dir and (project.root / custom_dir).is_dir() else []
    for folder in (packaged_theme(), *store_theme):  # the store's templates win, as in a build
        shutil.copytree(folder, destination / "theme", dirs_exist_ok=True)
    rendered = site_files(project, output, destination / "theme")
    # The sitemap replaces its template (an engine that renders it finds no tag left; one that writes its
    # own sitemap, as Zensical does, lets the theme's win); robots.txt becomes a plain static file.
    for name, text in rendered.items():
        _write(destination / "theme" / name if name == "sitemap.xml" else docs / name, text.encode("utf-8"))
    if "sitemap.xml" in rendered:  # as MkDocs publishes it; mtime 0 keeps the same content the same bytes
        _write(docs / "sitemap.xml.gz", gzip.compress(rendered["sitemap.xml"].encode("utf-8"), mtime=0))
    (destination / "theme" / "robots.txt").unlink(missing_ok=True)
    config = exported_config(project, output)
    header = "# Exported by `helpcenter export`: generated pages, no plugin needed.\n"
    text = yaml.safe_dump(config, sort_keys=False, allow_unicode=True, width=1000)
    (destination / "mkdocs.yml").write_text(header + text, encoding="utf-8")


def _write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


def site_files(project: Project, output: Output, theme_dir: Path) -> dict[str, str]:
    """sitemap.xml and robots.txt, rendered from the theme's templates as MkDocs would render them."""
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(theme_dir), autoescape=False)
    directory_urls = bool((project.raw or {}).get("use_directory_urls", True))
    context = {"config": {"site_url": project.site_url, "extra": {"hc": output.template_data}},
               "pages": _sitemap_pages(project, output.pages, directory_urls)}
    return {name: env.get_template(name).render(context) for name in SITE_TEMPLATES
            if (theme_dir / name).is_file()}


def _sitemap_pages(project: Project, pages: list[Page], directory_urls: bool) -> list[SimpleNamespace]:
    """What the sitemap template reads of MkDocs' files: each page's canonical URL and front matter."""
    return [SimpleNamespace(page=SimpleNamespace(canonical_url=project.site_url + _page_url(page.path, directory_urls),
                                                 is_link=False, meta=_front_matter(page)))
            for page in sorted(pages, key=lambda page: page.path)]


def _page_url(path: str, directory_urls: bool) -> str:
    """MkDocs' page URLs: ``a/index.md`` is ``a/`` and ``a/b.md`` is ``a/b/`` (``a/b.html`` without directory URLs)."""
    stem = path.removesuffix(".md")
    if posixpath.basename(stem) == "index":
        stem = posixpath.dirname(stem)
        return stem + "/" if stem else ""
    return stem + "/" if directory_urls else stem + ".html"


def _front_matter(page: Page) -> dict[str, Any]:
    _, _, rest = page.content.partition("---\n")
    meta = yaml.load(rest.partition("\n---\n")[0], Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    return meta if isinstance(meta, dict) else {}
