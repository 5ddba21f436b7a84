-- Objects the psql meta-command tests describe on top of the practice dataset, created by the
-- learner's own role like everything a learner makes in the lab. Each covers a part of psql's
-- output: a view, a materialized view, sequences, indexes, functions, a schema, comments,
-- defaults, check constraints, foreign keys, a trigger, a policy, partitions and a quoted name.

CREATE SCHEMA reporting;
COMMENT ON SCHEMA reporting IS 'Summaries for the monthly report';

CREATE TABLE reporting.daily_totals (
    day       date          NOT NULL,
    currency  char(3)       NOT NULL DEFAULT 'EUR',
    total     numeric(14,2) NOT NULL CHECK (total >= 0),
    note      text,
    PRIMARY KEY (day, currency)
);
COMMENT ON TABLE reporting.daily_totals IS 'One row per day and currency';
COMMENT ON COLUMN reporting.daily_totals.note IS 'Free text, may be empty';
ALTER TABLE reporting.daily_totals ALTER COLUMN note SET STATISTICS 500;
CREATE INDEX daily_totals_positive_idx ON reporting.daily_totals (currency) WHERE total > 0;

CREATE VIEW customer_balances AS
    SELECT c.id, c.full_name, sum(a.balance) AS total_balance
    FROM customers c JOIN accounts a ON a.customer_id = c.id
    GROUP BY c.id, c.full_name;
COMMENT ON VIEW customer_balances IS 'Total balance per customer';

CREATE MATERIALIZED VIEW reporting.customers_per_country AS
    SELECT country, count(*) AS customers FROM customers GROUP BY country;

CREATE SEQUENCE invoice_numbers START 1000 INCREMENT 10 MAXVALUE 999999 CYCLE;

CREATE INDEX bookings_customer_id_idx ON bookings (customer_id);

CREATE FUNCTION account_total(customer integer) RETURNS numeric
    LANGUAGE sql STABLE
    AS $$ SELECT coalesce(sum(balance), 0) FROM accounts WHERE customer_id = customer $$;
COMMENT ON FUNCTION account_total(integer) IS 'Sum of the balances of one customer';

CREATE PROCEDURE close_account(account integer)
    LANGUAGE sql
    AS $$ DELETE FROM accounts WHERE id = account $$;

CREATE FUNCTION stamp_happened_at() RETURNS trigger
    LANGUAGE plpgsql
    AS $$ BEGIN NEW.happened_at := now(); RETURN NEW; END $$;

CREATE TABLE audit_log (
    id           bigserial PRIMARY KEY,
    account_id   integer REFERENCES accounts (id) ON DELETE CASCADE,
    happened_at  timestamptz NOT NULL DEFAULT now(),
    details      jsonb
);
CREATE TRIGGER audit_log_stamp BEFORE INSERT ON audit_log
    FOR EACH ROW EXECUTE FUNCTION stamp_happened_at();
ALTER TABLE audit_log ENABLE ROW LEVEL SECURITY;
CREATE POLICY recent_only ON audit_log FOR SELECT USING (happened_at > now() - interval '1 year');

CREATE TABLE "Mixed Case" ("Id" integer, "Note" text);

CREATE UNLOGGED TABLE scratch (x integer, y text) WITH (fillfactor = 70);
ALTER TABLE scratch REPLICA IDENTITY FULL;

CREATE TABLE events (
    id  integer NOT NULL,
    at  date    NOT NULL
) PARTITION BY RANGE (at);
CREATE TABLE events_2024 PARTITION OF events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE events_2025 PARTITION OF events FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');

CREATE STATISTICS bookings_customer_room (ndistinct) ON customer_id, room FROM bookings;

-- Types and an extension, for \dT and \dx (the extension in its own schema, away from \df's list).
CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
COMMENT ON TYPE mood IS 'How a customer feels';
CREATE TYPE reporting.money_pair AS (amount numeric(12,2), currency char(3));
CREATE EXTENSION pg_trgm SCHEMA reporting;

-- A domain, and a view with options and a check option, for \dD and \sv.
CREATE DOMAIN positive_amount AS numeric(12,2) NOT NULL DEFAULT 0 CHECK (VALUE >= 0);
CREATE VIEW reporting.small_accounts WITH (security_barrier) AS
    SELECT id, customer_id, balance FROM accounts WHERE balance < 100
    WITH LOCAL CHECK OPTION;

-- Comments only \dd shows (on constraints of a table and a domain, a rule, a trigger), and
-- privileges for \dp: a view everyone may read, columns of a table everyone may read or change,
-- and a table whose owner revoked even its own privileges (psql 17 shows that list as "(none)").
COMMENT ON CONSTRAINT accounts_balance_check ON accounts IS 'No overdrafts';
COMMENT ON CONSTRAINT daily_totals_total_check ON reporting.daily_totals IS 'Totals are never negative';
COMMENT ON CONSTRAINT positive_amount_check ON DOMAIN positive_amount IS 'Amounts are never negative';
CREATE RULE order_items_notify AS ON UPDATE TO order_items DO ALSO NOTIFY order_items_changed;
COMMENT ON RULE order_items_notify ON order_items IS 'Tells listeners an order changed';
COMMENT ON TRIGGER audit_log_stamp ON audit_log IS 'Stamps each entry with the time it was written';
GRANT SELECT ON customer_balances TO PUBLIC;
GRANT SELECT (id, full_name), UPDATE (phone) ON customers TO PUBLIC;
REVOKE ALL ON scratch FROM learner;
