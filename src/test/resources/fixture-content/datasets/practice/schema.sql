-- Practice dataset for the PostgreSQL track.
--
-- A small shop with banking-style accounts, plus one larger table (bookings)
-- for the indexing and EXPLAIN lessons. Only primary keys and UNIQUE
-- constraints create indexes here: lessons add the others themselves.

CREATE TABLE customers (
    id          integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email       text        NOT NULL UNIQUE,
    full_name   text        NOT NULL,
    country     char(2)     NOT NULL,
    phone       text,                       -- nullable on purpose: some customers gave none
    created_at  timestamptz NOT NULL
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

CREATE TABLE products (
    id        integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name      text          NOT NULL UNIQUE,
    category  text          NOT NULL,
    price     numeric(10,2) NOT NULL CHECK (price >= 0)
);

CREATE TABLE orders (
    id           integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id  integer     NOT NULL REFERENCES customers (id),
    status       text        NOT NULL
                 CHECK (status IN ('pending', 'paid', 'shipped', 'cancelled')),
    ordered_at   timestamptz NOT NULL
);

CREATE TABLE order_items (
    order_id    integer       NOT NULL REFERENCES orders (id),
    product_id  integer       NOT NULL REFERENCES products (id),
    quantity    integer       NOT NULL CHECK (quantity > 0),
    unit_price  numeric(10,2) NOT NULL CHECK (unit_price >= 0),
    PRIMARY KEY (order_id, product_id)
);

-- Bookings come from a separate reservations system: its customer_id is that
-- system's own number (1 to 5000), so there is deliberately no foreign key to
-- customers. No index except the primary key: the indexes lesson adds one.
CREATE TABLE bookings (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id  integer     NOT NULL,
    room         text        NOT NULL,
    starts_at    timestamptz NOT NULL,
    nights       integer     NOT NULL CHECK (nights > 0),
    created_at   timestamptz NOT NULL
);
