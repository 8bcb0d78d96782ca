"""``helpcenter``: check, build, serve, export (and search) a store's help center.

Each command imports what it needs only when it runs, so ``helpcenter check`` stays quick and
never loads MkDocs. Every error a person can cause ends as one clean message and exit code 1.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager
from pathlib import Path

from generator.errors import ContentError, HelpCenterError, Problem
from generator.reading.reporting import FORMATS

Handler = Callable[[argparse.Namespace], int]


def _project(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from generator.config.project import load_project

    return load_project(Path(args.config))


def cmd_check(args: argparse.Namespace) -> int:
    from generator.reading.expectations import expectation_problems
    from generator.reading.loading import load_content
    from generator.reading.reporting import format_problems, summary

    project = _project(args)
    loaded = load_content(project.content_dir)
    problems = loaded.problems.items and sorted(loaded.problems.items)
    warnings = []
    if not problems and project.multilingual:  # translations are checked against a valid source
        from generator.reading.translations import load_translations

        translations = load_translations(project.content_dir, project.locales, loaded.helpcenter)
        problems, warnings = sorted(translations.problems), translations.warnings
    known = None if loaded.problems else set(loaded.helpcenter.articles_by_id)  # ids checked on valid content
    expected, stale = expectation_problems(project, known)
    problems = sorted([*(problems or []), *_strings_problems(project)]) + expected
    warnings = [*warnings, *stale]
    output = format_problems(problems, args.format)
    if args.format == "json" and (project.multilingual or warnings):  # warnings beside problems; not a failure
        data = json.loads(output)
        data["warnings"] = json.loads(format_problems(warnings, "json"))["problems"]
        output = json.dumps(data, indent=2, ensure_ascii=False)
    if output:
        print(output)
    for warning in warnings if args.format != "json" else []:
        print(f"{warning} (warning)" if args.format == "text" else
              f"::warning file={warning.path},line={warning.line},col={warning.col}::{warning.message}",
              file=sys.stderr if args.format == "text" else sys.stdout)
    if args.format == "text":
        files = len(list(project.content_dir.rglob("*.yml"))) + len(list(project.content_dir.rglob("*.md")))
        print(summary(problems or [], files), file=sys.stderr)
    return 1 if problems else 0


def _strings_problems(project) -> list[Problem]:  # type: ignore[no-untyped-def]
    """Every locale's UI strings, as the build will load them: the same problems, the same words."""
    from generator.rendering.strings import strings_problems

    return [problem for locale in project.locales
            for problem in strings_problems(locale, project.content_dir, strict=project.multilingual)]


def cmd_new(args: argparse.Namespace) -> int:
    from generator.rendering.strings import SHIPPED
    from generator.scaffold.new import generator_version, new_store, untranslated, write_new

    folder = Path(args.directory)
    store = new_store(args.name, args.url, args.locales, api_url=args.api_url, brand_color=args.brand_color,
                      site_url=args.site_url)
    written = write_new(folder, store)
    print(f"✓ wrote {store.name}'s help center ({len(written)} files) into {folder}; next:\n"
          f"  copy the generator's wheel (helpcenter-{generator_version()}-py3-none-any.whl) into {folder / 'wheels'}\n"
          f"  cd {folder}\n  python3 -m venv .venv && .venv/bin/pip install -r requirements.txt\n"
          f"  .venv/bin/helpcenter serve      (README.md says the rest)", file=sys.stderr)
    for locale, path, count in untranslated(store):
        print(f"! {locale.language}: the generator ships no UI strings for it ({', '.join(SHIPPED)}); translate "
              f"all {count} in {folder / path} before the site builds: `helpcenter check` lists those missing",
              file=sys.stderr)
    return 0


def cmd_translations(args: argparse.Namespace) -> int:
    from generator.reading.loading import load_helpcenter
    from generator.reading.translation_status import format_status, translation_status
    from generator.reading.translations import load_translations

    project = _project(args)
    source = load_helpcenter(project.content_dir)
    loaded = load_translations(project.content_dir, project.locales, source)
    if loaded.problems:
        raise ContentError(loaded.problems)
    print(format_status(translation_status(source, loaded), args.format))
    return 0


def cmd_build(args: argparse.Namespace) -> int:
    from generator.mkdocs.engine import build_site
    from generator.progress import showing_progress

    config = Path(args.config)  # the plugin validates first; content problems come back as ContentError
    site_dir = Path(args.site_dir) if args.site_dir else config.resolve().parent / "site"
    started = time.monotonic()
    with showing_progress(args.quiet):
        stats = build_site(config, site_dir, verbose=args.verbose, quiet=args.quiet, jobs=args.jobs)
    if not args.quiet:
        for note in _project(args).palette.notes:  # the shades derived from the brand colours, not a problem
            print(f"brand: {note}", file=sys.stderr)
        print(f"✓ built {stats.pages} pages in {stats.locales} locale{'s' if stats.locales != 1 else ''} into "
              f"{site_dir} in {time.monotonic() - started:.1f} s", file=sys.stderr)
        print(f"Help on every page of the store, one tag in its theme (EMBED.md): {embed_tag(config)}", file=sys.stderr)
    return 0


def embed_tag(config: Path) -> str:
    """The embedded widget's script tag with the site's public address (``HELPCENTER_*`` do not change it)."""
    from generator.config.project import load_project
    from generator.rendering.embed import script_tag

    return script_tag(load_project(config))


def cmd_serve(args: argparse.Namespace) -> int:
    _port_must_be_free(args)
    if args.built:
        return _serve_built(args)
    from generator.mkdocs.preview import serve_preview

    project = _project(args)  # a broken mkdocs.yml stops here; content problems are shown by the preview itself
    if not args.demo_store:
        serve_preview(Path(args.config), args.host, args.port)
        return 0
    with _devstore_preview()(args.host, args.port, store_name=project.store.name):
        serve_preview(Path(args.config), args.host, args.port)
    return 0


def _port_must_be_free(args: argparse.Namespace) -> None:
    """A busy port stops the preview before it builds or starts the development store, in one line."""
    from generator.ports import bind_problem

    program = sys.argv[0] if Path(sys.argv[0]).name == "helpcenter" else "helpcenter"
    flags = " --demo-store" * args.demo_store + " --built" * args.built
    problem = bind_problem(args.host, args.port, f"{program} serve{flags}")
    if problem:
        raise HelpCenterError(problem)


DEMO_STORE_MISSING = ("--demo-store needs the development store, a package of its own: install it with "
                      "`pip install helpcenter-devstore`, built from devstore/ in the generator's repository "
                      "(`pip install ./devstore` in a clone)")


def _devstore_preview() -> Callable[..., AbstractContextManager[object]]:
    """The development store is a distribution of its own (devstore/pyproject.toml), not part of the wheel."""
    import importlib

    try:
        module = importlib.import_module("devstore.preview")
    except ModuleNotFoundError as err:
        if err.name != "devstore":
            raise
        raise HelpCenterError(DEMO_STORE_MISSING) from None
    preview: Callable[..., AbstractContextManager[object]] = module.demo_store
    return preview


def _serve_built(args: argparse.Namespace) -> int:
    from generator.static_host import serve_built

    site_dir = Path(args.site_dir) if args.site_dir else Path(args.config).resolve().parent / "site"
    serve_built(site_dir, args.host, args.port, use_gzip=not args.no_gzip)
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from generator.rendering.export import export
    from generator.rendering.site import generate

    project = _project(args)
    count = export(project, generate(project), Path(args.directory))
    print(f"✓ exported {count} pages and their configuration to {args.directory}", file=sys.stderr)
    return 0


def cmd_csp(args: argparse.Namespace) -> int:
    from generator.rendering.csp import apply_to_site, settings_for_project

    count = apply_to_site(Path(args.site_dir), settings_for_project(_project(args)))
    print(f"✓ added the Content Security Policy to {count} pages and wrote {args.site_dir}/_headers", file=sys.stderr)
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    if args.check:
        from generator.search.floors import run_floor_check

        if args.format != "text":
            raise HelpCenterError("helpcenter search --check reports in text only: leave out --format")
        return run_floor_check(_project(args), args.locale)
    if args.query is None:
        raise HelpCenterError("helpcenter search: give a query, e.g. \"where is my parcel\", or --check")
    from generator.search.command import run_search

    return run_search(_project(args), args.query, args.limit, args.format, args.locale)


def cmd_insights(args: argparse.Namespace) -> int:
    from generator.insights.command import run_insights

    return run_insights(_project(args), args.events, args.since, args.locale, args.format, args.top)


def cmd_search_diff(args: argparse.Namespace) -> int:
    from generator.search.diff import run_search_diff

    return run_search_diff(_project(args), args.base, args.queries, args.insights, args.format, args.locale)


def _add_new_command(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    new = commands.add_parser("new", help="write a new store's help center into an empty folder: mkdocs.yml, "
                              "starter content, README, workflows")
    new.add_argument("directory", metavar="DIR", help="a new or empty folder")
    new.add_argument("--name", required=True, help="the store's name, e.g. 'Acme Surf'")
    new.add_argument("--url", required=True, help="the store's address, e.g. https://acmesurf.com")
    new.add_argument("--locales", required=True, help="the help center's languages, the default first, e.g. en,de")
    new.add_argument("--api-url", help="the store's help API (default: {url}/api/help)")
    new.add_argument("--brand-color", help="the brand colour, #rrggbb (default: a neutral blue grey)")
    new.add_argument("--site-url", help="the help center's own address (default: https://help.<store's domain>/)")
    new.set_defaults(handler=cmd_new)


def _positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of processes (1 or more)")
    return int(text)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="helpcenter", description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("-f", "--config", default="mkdocs.yml", help="the configuration file (default: mkdocs.yml)")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    check = commands.add_parser("check", help="validate every content file and report every problem")
    check.add_argument("--format", choices=FORMATS, default="text",
                       help="text (path:line:col: message), github (CI annotations) or json")
    check.set_defaults(handler=cmd_check)

    _add_new_command(commands)
    translations = commands.add_parser("translations", help="per locale: translated, missing and stale "
                                       "(older than their source) articles")
    translations.add_argument("--format", choices=("text", "json"), default="text", help="text or json (for CI)")
    translations.set_defaults(handler=cmd_translations)

    build = commands.add_parser("build", help="validate, then build the site into site/ (strict)")
    build.add_argument("-d", "--site-dir", help="where to build (default: site/ beside mkdocs.yml)")
    build.add_argument("-v", "--verbose", action="store_true", help="show MkDocs' informational messages")
    build.add_argument("-q", "--quiet", action="store_true", help="print errors only (no progress, no summary)")
    build.add_argument("-j", "--jobs", type=_positive, default=None,
                       help="processes rendering pages (default: one per usable core)")
    build.set_defaults(handler=cmd_build)

    serve = commands.add_parser("serve", help="preview with live reload when content or theme changes")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("-p", "--port", type=int, default=8000)
    serve.add_argument("--demo-store", action="store_true",
                       help="also run a development store with sample orders on localhost and point the "
                       "preview's store links and widgets at it (development only)")
    serve.add_argument("--built", action="store_true",
                       help="serve the already built site/ as a static host does (404.html for unknown "
                       "addresses, gzip), without rebuilding or reloading")
    serve.add_argument("-d", "--site-dir", help="with --built: the built site (default: site/ beside mkdocs.yml)")
    serve.add_argument("--no-gzip", action="store_true", help="with --built: send files uncompressed")
    serve.set_defaults(handler=cmd_serve)

    export = commands.add_parser("export", help="write the generated pages and config for another engine")
    export.add_argument("directory", help="an empty or new folder")
    export.set_defaults(handler=cmd_export)

    csp = commands.add_parser("csp", help="add the Content Security Policy to the pages of a site another engine "
                              "built from `helpcenter export` (helpcenter build does it already)")
    csp.add_argument("site_dir", help="the folder the engine built the site into")
    csp.set_defaults(handler=cmd_csp)

    _add_search(commands)

    insights = commands.add_parser("insights", help="what shoppers searched for in vain and which answers "
                                   "failed them, from the store's events export (JSON Lines)")
    insights.add_argument("events", metavar="EVENTS.jsonl", help="the export, or - for standard input")
    insights.add_argument("--since", help="only events from this day (2026-11-01) or date-time on")
    insights.add_argument("--locale", help="only this locale (e.g. en, fr, pt-BR)")
    insights.add_argument("--format", choices=("text", "json", "markdown", "html"), default="text",
                          help="text, json, markdown, or html (one self-contained page with charts)")
    insights.add_argument("--top", type=int, default=20, help="rows per list (default: 20)")
    insights.set_defaults(handler=cmd_insights)

    diff = commands.add_parser("search-diff", help="how a content change moves search results: compare the "
                               "results of the query set at git ref BASE and in the working tree")
    diff.add_argument("base", metavar="BASE", help="a git ref: a branch, tag or commit (e.g. origin/main)")
    diff.add_argument("--queries", default=None,
                      help="the query set (default: the helpcenter plugin's search_expectations in mkdocs.yml, "
                      "or content/search/expectations.yml; skipped if missing)")
    diff.add_argument("--insights", metavar="REPORT.json",
                      help="also the failed queries of an insights report (helpcenter insights --format json)")
    diff.add_argument("--format", choices=("text", "markdown", "json"), default="text", help="text, markdown or json")
    diff.add_argument("--locale", metavar="CODE", help="compare this locale's index (e.g. fr; default: the default "
                      "locale); the default query set is then content/CODE/search/expectations.yml")
    diff.set_defaults(handler=cmd_search_diff)
    return parser


def _add_search(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    search = commands.add_parser("search", help="print the results a shopper's query gets on the site "
                                 "(same index and ranking as the site's search box)")
    search.add_argument("query", nargs="?", help='what a shopper would type, e.g. "where is my parcel"')
    search.add_argument("--check", action="store_true", help="instead of a query: measure each locale's search "
                        "expectations against the floors they set (floors: in content/search/expectations.yml); "
                        "exit 1 below one")
    search.add_argument("-n", "--limit", type=int, default=10, help="how many results (default: 10)")
    search.add_argument("--format", choices=("text", "json"), default="text", help="text or json")
    search.add_argument("--locale", metavar="CODE", help="search this locale's index (e.g. fr): its translations, "
                        "word rules and lexicon (default: the default locale)")
    search.set_defaults(handler=cmd_search)


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    handler: Handler = args.handler
    try:
        return handler(args)
    except ContentError as err:
        from generator.reading.reporting import format_problems, summary

        fmt = getattr(args, "format", "text")
        print(format_problems(err.problems, fmt))
        # Only the commands that write something say so; `search --check` or `search-diff` built nothing to begin with.
        outcome = {"build": "; nothing was built", "serve": "; nothing was built",
                   "export": "; nothing was exported"}.get(args.command, "")
        print(summary(err.problems, 0) + outcome, file=sys.stderr)
        return 1
    except HelpCenterError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `helpcenter insights big.jsonl | head`: the reader has all it wanted; no traceback on exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


if __name__ == "__main__":
    sys.exit(main())
