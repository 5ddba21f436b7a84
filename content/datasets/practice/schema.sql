-- Practice dataset for the PostgreSQL track.
--
-- A small shop with banking-style accounts, plus one larger table (bookings)
-- for the indexing and EXPLAIN lessons. Only primary keys and UNIQUE
-- constraints create indexes here: lessons add the others themselves.
-- README.md in this folder describes every table and the rows lessons point at.
-- New columns go at the end of a table, so the older lessons' SELECT * and
-- INSERT statements keep their meaning.

CREATE TABLE customers (
    id          integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email       text        NOT NULL UNIQUE,
    full_name   text        NOT NULL,
    country     char(2)     NOT NULL,
    phone       text,                       -- nullable on purpose: some customers gave none
    created_at  timestamptz NOT NULL,
    referred_by integer     REFERENCES customers (id),  -- who brought them in; NULL for most
    time_zone   text                    -- an IANA name such as 'Europe/Paris'; NULL if unknown
);

CREATE TABLE accounts (
    id           integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id  integer       NOT NULL REFERENCES customers (id),
    balance      numeric(12,2) NOT NULL CHECK (balance >= 0),
    currency     char(3)       NOT NULL,
    opened_at    timestamptz   NOT NULL
);

CREATE TABLE transfers (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    from_account  integer       NOT NULL REFERENCES accounts (id),
    to_account    integer       NOT NULL REFERENCES accounts (id),
    amount        numeric(12,2) NOT NULL CHECK (amount > 0),
    created_at    timestamptz   NOT NULL DEFAULT now(),
    CHECK (from_account <> to_account)
);

-- A three-level tree (department, group, shelf); parent_id is NULL at the top.
CREATE TABLE categories (
    id         integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    parent_id  integer REFERENCES categories (id),
    name       text    NOT NULL UNIQUE
);

-- category is the older, flat label; category_id places the product in the tree.
CREATE TABLE products (
    id           integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name         text          NOT NULL UNIQUE,
    category     text          NOT NULL,
    price        numeric(10,2) NOT NULL CHECK (price >= 0),
    category_id  integer       REFERENCES categories (id),
    attributes   jsonb,        -- keys differ by kind of product; NULL if none were recorded
    tags         text[],
    description  text
);

CREATE TABLE orders (
    id           integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id  integer     NOT NULL REFERENCES customers (id),
    status       text        NOT NULL
                 CHECK (status IN ('pending', 'paid', 'shipped', 'cancelled')),
    ordered_at   timestamptz NOT NULL,
    shipped_at   timestamptz,   -- NULL until the order ships (and for cancelled orders)
    details      jsonb          -- channel, coupon (often absent), shipping address
);

CREATE TABLE order_items (
    order_id    integer       NOT NULL REFERENCES orders (id),
    product_id  integer       NOT NULL REFERENCES products (id),
    quantity    integer       NOT NULL CHECK (quantity > 0),
    unit_price  numeric(10,2) NOT NULL CHECK (unit_price >= 0),
    PRIMARY KEY (order_id, product_id)
);

-- Product reviews: free English text (with the odd typo) for full-text search
-- and trigram lessons.
CREATE TABLE reviews (
    id           integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    product_id   integer     NOT NULL REFERENCES products (id),
    customer_id  integer     NOT NULL REFERENCES customers (id),
    rating       integer     NOT NULL CHECK (rating BETWEEN 1 AND 5),
    title        text,        -- NULL when the reviewer left it empty
    body         text        NOT NULL,
    created_at   timestamptz NOT NULL
);

-- The hotel's rooms: room numbers are floor and number, '101' to '840'.
CREATE TABLE rooms (
    room   text          PRIMARY KEY,
    floor  integer       NOT NULL,
    beds   integer       NOT NULL CHECK (beds > 0),
    rate   numeric(8,2)  NOT NULL CHECK (rate > 0)   -- per night
);

-- Bookings come from a separate reservations system: its customer_id is that
-- system's own number (1 to 5000), so there is deliberately no foreign key to
-- customers. No index except the primary key: the indexes lesson adds one.
-- stay is the booked period, [check-in, check-out), nights whole days after
-- check-in (days counted in UTC, which keeps the expression immutable as a
-- generated column needs). A handful of stays overlap on purpose (README.md):
-- there is no exclusion constraint; the ranges lesson finds them and adds one.
CREATE TABLE bookings (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id  integer     NOT NULL,
    room         text        NOT NULL REFERENCES rooms (room),
    starts_at    timestamptz NOT NULL,
    nights       integer     NOT NULL CHECK (nights > 0),
    created_at   timestamptz NOT NULL,
    stay         tstzrange   NOT NULL GENERATED ALWAYS AS (
                     tstzrange(starts_at,
                               (starts_at AT TIME ZONE 'UTC' + nights * interval '1 day') AT TIME ZONE 'UTC')
                 ) STORED
);
