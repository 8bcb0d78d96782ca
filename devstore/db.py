"""The development store's SQLite database: schema, sample data and the few queries the store answers."""

from __future__ import annotations

import datetime as dt
import json
import secrets
import sqlite3
import threading
from collections.abc import Iterator
from importlib.resources import files
from pathlib import Path
from typing import Any

from devstore import samples

_EVENTS_TABLE = """
CREATE TABLE IF NOT EXISTS events (
    id     INTEGER PRIMARY KEY,
    event  TEXT NOT NULL   -- the contract's Event as JSON, with received_at
)"""


class StoreDatabase:
    """One connection shared by the server's threads, serialised by a lock (a dev store needs no more)."""

    def __init__(self, path: Path | None = None, today: dt.date | None = None) -> None:
        target = str(path) if path else ":memory:"
        fresh = path is None or not path.exists()
        self._conn = sqlite3.connect(target, check_same_thread=False)
        self._conn.row_factory = sqlite3.Row
        self._lock = threading.Lock()
        if fresh:
            self._seed(today or dt.date.today())
        with self._lock, self._conn:
            # Also in a database file made before events existed (contract 1.0.0).
            self._conn.execute(_EVENTS_TABLE)

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    def _seed(self, today: dt.date) -> None:
        schema = files("devstore").joinpath("schema.sql").read_text(encoding="utf-8")
        with self._lock, self._conn:
            self._conn.executescript(schema)
            for customer in samples.CUSTOMERS:
                self._conn.execute(
                    "INSERT INTO customers (email, first_name) VALUES (?, ?)",
                    (customer.email, customer.first_name),
                )
            for order in samples.ORDERS:
                self._insert_order(order, today)

    def _insert_order(self, order: samples.SampleOrder, today: dt.date) -> None:
        row = self._conn.execute("SELECT id FROM customers WHERE email = ?", (order.email,)).fetchone()
        customer_id = row["id"] if row and order.signed_up else None
        cursor = self._conn.execute(
            "INSERT INTO orders (order_number, email, customer_id, token, status, placed_at, can_cancel,"
            " returnable) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                order.order_number,
                order.email,
                customer_id,
                secrets.token_urlsafe(12),
                order.status,
                samples.placed_at(order, today),
                int(order.can_cancel),
                int(order.returnable),
            ),
        )
        order_id = cursor.lastrowid
        for position, (title, quantity) in enumerate(order.items):
            self._conn.execute(
                "INSERT INTO order_items (order_id, position, title, quantity) VALUES (?, ?, ?, ?)",
                (order_id, position, title, quantity),
            )
        for position, ship in enumerate(order.shipments):
            self._conn.execute(
                "INSERT INTO shipments (order_id, position, carrier, tracking_number, tracking_url, status,"
                " estimated_delivery) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    order_id,
                    position,
                    ship.carrier,
                    ship.tracking_number,
                    ship.tracking_url,
                    ship.status,
                    samples.estimated_delivery(ship, today),
                ),
            )

    # --- orders -------------------------------------------------------------------------------------------

    def find_order(self, order_number: str, email: str) -> dict[str, Any] | None:
        """The order with that number placed with that email, or None (whichever of the two is wrong)."""
        with self._lock:
            row = self._conn.execute(
                "SELECT * FROM orders WHERE order_number = ? AND email = ?", (order_number, email)
            ).fetchone()
            return self._order_with_details(row) if row else None

    def order_by_token(self, token: str) -> dict[str, Any] | None:
        with self._lock:
            row = self._conn.execute("SELECT * FROM orders WHERE token = ?", (token,)).fetchone()
            return self._order_with_details(row) if row else None

    def orders_of(self, customer_id: int) -> list[dict[str, Any]]:
        with self._lock:
            rows = self._conn.execute(
                "SELECT * FROM orders WHERE customer_id = ? ORDER BY placed_at DESC", (customer_id,)
            ).fetchall()
            return [self._order_with_details(row) for row in rows]

    def all_orders(self) -> list[dict[str, Any]]:
        with self._lock:
            rows = self._conn.execute("SELECT * FROM orders ORDER BY placed_at DESC").fetchall()
            return [self._order_with_details(row) for row in rows]

    def _order_with_details(self, row: sqlite3.Row) -> dict[str, Any]:
        order = dict(row)
        order["items"] = [
            dict(item)
            for item in self._conn.execute(
                "SELECT title, quantity FROM order_items WHERE order_id = ? ORDER BY position", (row["id"],)
            )
        ]
        order["shipments"] = [
            dict(ship)
            for ship in self._conn.execute(
                "SELECT carrier, tracking_number, tracking_url, status, estimated_delivery FROM shipments"
                " WHERE order_id = ? ORDER BY position",
                (row["id"],),
            )
        ]
        return order

    # --- shoppers and sessions ----------------------------------------------------------------------------

    def customer_by_email(self, email: str) -> dict[str, Any] | None:
        with self._lock:
            row = self._conn.execute("SELECT * FROM customers WHERE email = ?", (email,)).fetchone()
            return dict(row) if row else None

    def add_customer(self, email: str, first_name: str) -> dict[str, Any]:
        """Register a shopper; an existing email keeps its account (the dev store has no passwords)."""
        with self._lock, self._conn:
            self._conn.execute(
                "INSERT INTO customers (email, first_name) VALUES (?, ?) ON CONFLICT(email) DO NOTHING",
                (email, first_name),
            )
            row = self._conn.execute("SELECT * FROM customers WHERE email = ?", (email,)).fetchone()
            return dict(row)

    def start_session(self, customer_id: int) -> str:
        token = secrets.token_urlsafe(24)
        with self._lock, self._conn:
            self._conn.execute(
                "INSERT INTO sessions (token, customer_id) VALUES (?, ?)", (token, customer_id)
            )
        return token

    def end_session(self, token: str) -> None:
        with self._lock, self._conn:
            self._conn.execute("DELETE FROM sessions WHERE token = ?", (token,))

    def session_customer(self, token: str) -> dict[str, Any] | None:
        with self._lock:
            row = self._conn.execute(
                "SELECT customers.* FROM sessions JOIN customers ON customers.id = sessions.customer_id"
                " WHERE sessions.token = ?",
                (token,),
            ).fetchone()
            return dict(row) if row else None

    # --- help-center events (POST /events) -------------------------------------------------------------------

    def add_events(self, events: list[dict[str, Any]]) -> None:
        with self._lock, self._conn:
            self._conn.executemany(
                "INSERT INTO events (event) VALUES (?)",
                [(json.dumps(event, ensure_ascii=False, separators=(",", ":")),) for event in events],
            )

    def events(self) -> Iterator[dict[str, Any]]:
        """Every event in the order received, read in pages so a large export stays small in memory."""
        last = 0
        while True:
            with self._lock:
                rows = self._conn.execute(
                    "SELECT id, event FROM events WHERE id > ? ORDER BY id LIMIT 1000", (last,)
                ).fetchall()
            if not rows:
                return
            for row in rows:
                yield json.loads(row["event"])
            last = rows[-1]["id"]
