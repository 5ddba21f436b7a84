-- raw-import: what a CSV export from three other systems looks like once loaded as is.
--
-- Staging tables hold every field as text, exactly as it arrived: duplicates, stray
-- spaces, mixed case, dates in five formats, numbers with thousands separators or a
-- currency sign, 'n/a', empty strings next to NULLs. Lessons clean them with string
-- functions, cast them, de-duplicate them and MERGE or upsert them into typed tables.
-- Only `line` (the line number in the file) is typed. `products` is the one clean, typed
-- table: the target of the MERGE / upsert lessons, fed by raw_products.

CREATE TABLE raw_customers (
    line            integer PRIMARY KEY,
    customer_ref    text,
    full_name       text,
    email           text,
    phone           text,
    country         text,
    signed_up       text,
    lifetime_value  text
);

CREATE TABLE raw_orders (
    line          integer PRIMARY KEY,
    order_ref     text,
    customer_ref  text,
    ordered_at    text,
    amount        text,
    currency      text,
    status        text,
    quantity      text
);

CREATE TABLE raw_products (
    line      integer PRIMARY KEY,
    sku       text,
    name      text,
    price     text,
    in_stock  text,
    updated   text
);

CREATE TABLE products (
    sku         text          PRIMARY KEY CHECK (sku ~ '^[A-Z]{3}-[0-9]{4}$'),
    name        text          NOT NULL,
    price       numeric(10,2) NOT NULL CHECK (price >= 0),
    in_stock    boolean       NOT NULL,
    updated_at  timestamptz   NOT NULL
);
