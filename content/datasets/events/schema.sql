-- events: a year of product analytics for a web app (13 months, 2025-01-01 to 2026-01-31).
--
-- Large on purpose, for the lessons where size changes the plan: window functions at
-- scale, date_bin and gap filling, BRIN, hash and merge joins, partial and expression
-- indexes, partitioning and VACUUM. Only primary keys, one UNIQUE constraint and one
-- small BRIN index exist: the lessons create the other indexes themselves and compare.
-- The foreign keys are added at the end of data.sql, after the rows: checking 600,000 references
-- one row at a time took 15 s, one ALTER TABLE takes a fraction of a second (the manual's
-- "Populating a Database" advice).

CREATE TABLE users (
    id            integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email         text        NOT NULL UNIQUE,   -- mixed case in a few rows: lower(email)
    country       char(2),                        -- NULL when the sign-up form could not tell
    plan          text        NOT NULL CHECK (plan IN ('free', 'pro', 'team', 'enterprise')),
    referrer      text,                           -- NULL: came directly
    referred_by   integer,                        -- users.id, set when referrer = 'friend'
    signed_up_at  timestamptz NOT NULL
);

CREATE TABLE sessions (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id     integer     NOT NULL,
    device      text        NOT NULL CHECK (device IN ('desktop', 'mobile', 'tablet')),
    started_at  timestamptz NOT NULL,
    ended_at    timestamptz,                      -- NULL: the app never said goodbye
    CHECK (ended_at >= started_at)
);

-- Append-only, in time order (id order is occurred_at order): what makes BRIN work.
-- Sign-up events come from the server, outside any session: session_id is NULL.
CREATE TABLE events (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id      integer     NOT NULL,
    session_id   bigint,
    type         text        NOT NULL,
    occurred_at  timestamptz NOT NULL,
    properties   jsonb       NOT NULL DEFAULT '{}'
);

CREATE INDEX events_occurred_at_brin ON events USING brin (occurred_at);
