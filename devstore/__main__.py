"""``python -m devstore``: run the development store (development and test only)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from devstore.db import StoreDatabase
from devstore.events import write_export
from devstore.server import DevStoreOptions, DevStoreServer
from generator.config.project import read_mkdocs_yml
from generator.errors import HelpCenterError


def parse_args(argv: list[str] | None = None) -> DevStoreOptions:
    parser = argparse.ArgumentParser(
        prog="python -m devstore",
        description="Development store for previewing the help center's widgets. Not for production.",
    )
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)")
    parser.add_argument("--port", type=int, default=0, help="port to listen on (default: a free one)")
    parser.add_argument("--api-base", default="/api/help", help="path of the API (default: /api/help)")
    parser.add_argument(
        "--allow-origin",
        action="append",
        default=[],
        metavar="ORIGIN",
        help="a help-center origin allowed to call the API (repeatable); loopback origins "
        "are always allowed unless --no-loopback",
    )
    parser.add_argument("--no-loopback", action="store_true", help="only allow the --allow-origin origins")
    parser.add_argument(
        "--lookups-per-minute", type=int, default=10, help="rate limit per client (default: 10)"
    )
    parser.add_argument("--slow-seconds", type=float, default=12.0, help="delay of the TEST-SLOW order")
    parser.add_argument("--no-test-orders", action="store_true", help="disable the TEST-* failure orders")
    parser.add_argument("--db", type=Path, help="SQLite file to keep (created with sample data if missing)")
    parser.add_argument("--help-center-url", help="link back to the help center from the store's pages")
    parser.add_argument("-f", "--config", type=Path, default=Path("mkdocs.yml"),
                        help="the help center's mkdocs.yml, whose extra.store.name the store takes "
                        "(default: mkdocs.yml; 'Example Store' without it)")
    parser.add_argument("--quiet", action="store_true", help="do not log requests")
    parser.add_argument("--export-events", metavar="FILE",
                        help="write the events kept in --db as JSON Lines to FILE ('-' for stdout) and exit")
    args = parser.parse_args(argv)
    if args.export_events and not args.db:
        parser.error("--export-events reads the events kept in a database file: give it with --db")
    return DevStoreOptions(
        host=args.host,
        port=args.port,
        api_base="/" + args.api_base.strip("/"),
        origins=frozenset(args.allow_origin),
        allow_loopback=not args.no_loopback,
        lookups_per_minute=args.lookups_per_minute,
        slow_seconds=args.slow_seconds,
        test_orders=not args.no_test_orders,
        db_path=args.db,
        help_center_url=args.help_center_url,
        quiet=args.quiet,
        export_events=args.export_events,
        store_name=store_name_from(args.config),
    )


def store_name_from(config: Path) -> str:
    """``extra.store.name`` of the help center's mkdocs.yml, or the default name when there is none."""
    if not config.is_file():
        return DevStoreOptions.store_name
    try:
        store = (read_mkdocs_yml(config).get("extra") or {}).get("store") or {}
    except HelpCenterError as err:
        raise SystemExit(f"python -m devstore: {err}") from None
    name = store.get("name") if isinstance(store, dict) else None
    return str(name) if name else DevStoreOptions.store_name


def export(options: DevStoreOptions) -> None:
    assert options.db_path is not None and options.export_events is not None
    db = StoreDatabase(options.db_path)
    try:
        if options.export_events == "-":
            count = write_export(db, sys.stdout)
        else:
            with open(options.export_events, "w", encoding="utf-8") as out:
                count = write_export(db, out)
    finally:
        db.close()
    print(f"exported {count} events", file=sys.stderr)


def main(argv: list[str] | None = None) -> None:
    options = parse_args(argv)
    if options.export_events:
        export(options)
        return
    try:
        server = DevStoreServer(options)
    except OSError as err:
        from generator.ports import describe

        print(f"error: {describe(err, options.host, options.port, 'python -m devstore')}", file=sys.stderr)
        raise SystemExit(1) from None
    print(f"Development store on {server.url}  (API: {server.api_url})  — Ctrl+C to stop", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


if __name__ == "__main__":
    main()
