-- The development store's database (see devstore/__init__.py): sample shoppers and orders.
-- Development and test only; the built help center never reads it.

CREATE TABLE customers (
    id          INTEGER PRIMARY KEY,
    email       TEXT NOT NULL UNIQUE COLLATE NOCASE,
    first_name  TEXT NOT NULL
);

-- Signed-in browsers: the cookie holds the random token, never the email.
CREATE TABLE sessions (
    token        TEXT PRIMARY KEY,
    customer_id  INTEGER NOT NULL REFERENCES customers(id)
);

CREATE TABLE orders (
    id            INTEGER PRIMARY KEY,
    order_number  TEXT NOT NULL UNIQUE COLLATE NOCASE,
    -- Guest orders have no customer; the lookup matches on the email the order was placed with.
    email         TEXT NOT NULL COLLATE NOCASE,
    customer_id   INTEGER REFERENCES customers(id),
    -- An opaque token for the store's order page, so no order number or email appears in a URL.
    token         TEXT NOT NULL UNIQUE,
    status        TEXT NOT NULL CHECK (status IN ('pending_payment', 'processing', 'shipped', 'in_transit',
                      'out_for_delivery', 'delivered', 'cancelled', 'refunded', 'on_hold')),
    placed_at     TEXT NOT NULL,   -- RFC 3339 date-time, UTC
    can_cancel    INTEGER NOT NULL CHECK (can_cancel IN (0, 1)),
    returnable    INTEGER NOT NULL CHECK (returnable IN (0, 1))
);

CREATE TABLE order_items (
    order_id  INTEGER NOT NULL REFERENCES orders(id),
    position  INTEGER NOT NULL,
    title     TEXT NOT NULL,
    quantity  INTEGER NOT NULL CHECK (quantity >= 1),
    PRIMARY KEY (order_id, position)
);

CREATE TABLE shipments (
    order_id            INTEGER NOT NULL REFERENCES orders(id),
    position            INTEGER NOT NULL,
    carrier             TEXT,
    tracking_number     TEXT,
    tracking_url        TEXT,
    status              TEXT,
    estimated_delivery  TEXT,      -- YYYY-MM-DD
    PRIMARY KEY (order_id, position)
);
