"""Sample shoppers and orders of everyday goods for the development store: one order in every status of the contract.

Dates are relative to the day the database is seeded, so the preview always shows a recent order with an
estimated delivery still ahead. Emails use the reserved example.com domain.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True)
class SampleCustomer:
    email: str
    first_name: str


@dataclass(frozen=True)
class SampleShipment:
    carrier: str | None
    tracking_number: str | None
    tracking_url: str | None
    status: str | None
    eta_in_days: int | None
    """Estimated delivery, in days from the seeding day (negative: already delivered)."""


@dataclass(frozen=True)
class SampleOrder:
    order_number: str
    email: str
    status: str
    placed_days_ago: int
    items: tuple[tuple[str, int], ...]
    shipments: tuple[SampleShipment, ...] = ()
    returnable: bool = False
    signed_up: bool = field(default=True)
    """False for a guest checkout: the order has no customer account."""

    @property
    def can_cancel(self) -> bool:
        # The contract: cancellable while the order has not shipped.
        return self.status in ("pending_payment", "processing", "on_hold")


CUSTOMERS = (
    SampleCustomer("ada.lovelace@example.com", "Ada"),
    SampleCustomer("chloe.martin@example.com", "Chloé"),
    SampleCustomer("ben.okafor@example.com", "Ben"),
)


def _dhl(number: str, status: str, eta: int | None) -> SampleShipment:
    url = f"https://www.dhl.com/global-en/home/tracking/tracking-express.html?submit=1&tracking-id={number}"
    return SampleShipment("DHL Express", number, url, status, eta)


def _ups(number: str, status: str, eta: int | None) -> SampleShipment:
    return SampleShipment("UPS", number, f"https://www.ups.com/track?tracknum={number}", status, eta)


def _postnl(number: str, status: str, eta: int | None) -> SampleShipment:
    url = f"https://jouw.postnl.nl/track-and-trace/{number}-NL-1012AB"
    return SampleShipment("PostNL", number, url, status, eta)


def _dpd(number: str, status: str, eta: int | None) -> SampleShipment:
    url = f"https://tracking.dpd.de/status/en_US/parcel/{number}"
    return SampleShipment("DPD", number, url, status, eta)


ORDERS = (
    SampleOrder(
        "ORD-10231", "ada.lovelace@example.com", "pending_payment", 0, (("Insulated Water Bottle 750 ml — Black", 1),)
    ),
    SampleOrder(
        "ORD-10225",
        "ada.lovelace@example.com",
        "processing",
        1,
        (("Rain Jacket — Olive, M", 1), ("Merino Wool Socks — Grey", 2)),
    ),
    SampleOrder("ORD-10219", "chloe.martin@example.com", "on_hold", 2, (("Ceramic Mug Set of 4 — Sand", 1),)),
    SampleOrder(
        "ORD-10204",
        "ben.okafor@example.com",
        "shipped",
        3,
        (("Desk Lamp — Navy", 1),),
        (_dhl("4829301746", "Label created", 9),),
    ),
    SampleOrder(
        "ORD-10188",
        "chloe.martin@example.com",
        "in_transit",
        6,
        (("Linen Tea Towels — Natural", 1), ("Cotton T-Shirt — Sand, L", 1)),
        (_ups("1Z999AA10123456784", "In transit", 4), _postnl("3SABCD1018802", "In transit", 6)),
    ),
    SampleOrder(
        "ORD-10153",
        "guest.shopper@example.com",
        "out_for_delivery",
        9,
        (("Wireless Headphones — Black", 1),),
        (_dpd("01505821334412", "Out for delivery", 0),),
        signed_up=False,
    ),
    SampleOrder(
        "ORD-10117",
        "ada.lovelace@example.com",
        "delivered",
        14,
        (("Hooded Sweatshirt — Sand, S", 1), ("Gift Card", 1)),
        (_dhl("4829300512", "Delivered", -3),),
        returnable=True,
    ),
    SampleOrder(
        "ORD-10094", "ben.okafor@example.com", "cancelled", 20, (("Wool Throw Blanket — Dark Brown", 1),)
    ),
    SampleOrder(
        "ORD-10052",
        "chloe.martin@example.com",
        "refunded",
        41,
        (("Yoga Mat — Sage", 1),),
        (_postnl("3SABCD1005201", "Delivered", -33),),
    ),
    SampleOrder(
        "ORD-09876",
        "ben.okafor@example.com",
        "delivered",
        75,
        (("Notebook A5, Dotted — Black", 1),),
        (_ups("1Z999AA10123450011", "Delivered", -65),),
    ),
)
"""One order per status; ORD-10117 can be returned, ORD-09876 is past the 30-day return window."""


def placed_at(order: SampleOrder, today: dt.date) -> str:
    """The order's placed_at as an RFC 3339 UTC date-time, at a plausible time of day."""
    day = today - dt.timedelta(days=order.placed_days_ago)
    moment = dt.datetime.combine(day, dt.time(9, 41), tzinfo=dt.UTC)
    return moment.isoformat().replace("+00:00", "Z")


def estimated_delivery(shipment: SampleShipment, today: dt.date) -> str | None:
    if shipment.eta_in_days is None:
        return None
    return (today + dt.timedelta(days=shipment.eta_in_days)).isoformat()
