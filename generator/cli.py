"""``helpcenter``: check, build, serve, export (and search) a store's help center.

Each command imports what it needs only when it runs, so ``helpcenter check`` stays quick and
never loads MkDocs. Every error a person can cause ends as one clean message and exit code 1.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from generator.errors import ContentError, HelpCenterError

Handler = Callable[[argparse.Namespace], int]


def _project(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from generator.project import load_project

    return load_project(Path(args.config))


def cmd_check(args: argparse.Namespace) -> int:
    from generator.loading import load_content
    from generator.reporting import format_problems, summary

    project = _project(args)
    loaded = load_content(project.content_dir)
    problems = loaded.problems.items and sorted(loaded.problems.items)
    output = format_problems(problems or [], args.format)
    if output:
        print(output)
    if args.format == "text":
        files = len(list(project.content_dir.rglob("*.yml"))) + len(list(project.content_dir.rglob("*.md")))
        print(summary(problems or [], files), file=sys.stderr)
    return 1 if problems else 0


def cmd_build(args: argparse.Namespace) -> int:
    from generator.mkdocs.engine import build_site
    from generator.progress import showing_progress

    config = Path(args.config)  # the plugin validates first; content problems come back as ContentError
    site_dir = Path(args.site_dir) if args.site_dir else config.resolve().parent / "site"
    started = time.monotonic()
    with showing_progress(args.quiet):
        stats = build_site(config, site_dir, verbose=args.verbose, quiet=args.quiet)
    if not args.quiet:
        print(f"✓ built {stats.pages} pages in {stats.locales} locale{'s' if stats.locales != 1 else ''} into "
              f"{site_dir} in {time.monotonic() - started:.1f} s ({stats.reused} reused from .cache/)", file=sys.stderr)
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    from generator.mkdocs.preview import serve_preview

    _project(args)  # a broken mkdocs.yml stops here; content problems are shown by the preview itself
    if not args.demo_store:
        serve_preview(Path(args.config), args.host, args.port)
        return 0
    from generator.devstore.preview import demo_store

    with demo_store(args.host, args.port):
        serve_preview(Path(args.config), args.host, args.port)
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from generator.export import export
    from generator.site import generate

    project = _project(args)
    count = export(project, generate(project), Path(args.directory))
    print(f"✓ exported {count} pages and their configuration to {args.directory}", file=sys.stderr)
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    from generator.search.command import run_search

    return run_search(_project(args), args.query, args.limit, args.format)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="helpcenter", description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("-f", "--config", default="mkdocs.yml", help="the configuration file (default: mkdocs.yml)")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    check = commands.add_parser("check", help="validate every content file and report every problem")
    check.add_argument("--format", choices=("text", "github", "json"), default="text",
                       help="text (path:line:col: message), github (CI annotations) or json")
    check.set_defaults(handler=cmd_check)

    build = commands.add_parser("build", help="validate, then build the site into site/ (strict)")
    build.add_argument("-d", "--site-dir", help="where to build (default: site/ beside mkdocs.yml)")
    build.add_argument("-v", "--verbose", action="store_true", help="show MkDocs' informational messages")
    build.add_argument("-q", "--quiet", action="store_true", help="print errors only (no progress, no summary)")
    build.set_defaults(handler=cmd_build)

    serve = commands.add_parser("serve", help="preview with live reload when content or theme changes")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("-p", "--port", type=int, default=8000)
    serve.add_argument("--demo-store", action="store_true",
                       help="also run a development store with sample orders on localhost and point the "
                       "preview's store links and widgets at it (development only)")
    serve.set_defaults(handler=cmd_serve)

    export = commands.add_parser("export", help="write the generated pages and config for another engine")
    export.add_argument("directory", help="an empty or new folder")
    export.set_defaults(handler=cmd_export)

    search = commands.add_parser("search", help="print the results a shopper's query gets on the site "
                                 "(same index and ranking as the site's search box)")
    search.add_argument("query", help='what a shopper would type, e.g. "where is my parcel"')
    search.add_argument("-n", "--limit", type=int, default=10, help="how many results (default: 10)")
    search.add_argument("--format", choices=("text", "json"), default="text", help="text or json")
    search.set_defaults(handler=cmd_search)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    handler: Handler = args.handler
    try:
        return handler(args)
    except ContentError as err:
        from generator.reporting import format_problems, summary

        fmt = getattr(args, "format", "text")
        print(format_problems(err.problems, fmt))
        print(summary(err.problems, 0) + "; nothing was built", file=sys.stderr)
        return 1
    except HelpCenterError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
