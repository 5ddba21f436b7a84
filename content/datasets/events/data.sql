-- Rows for the events dataset. Deterministic: no random(); every "random" choice is
-- arithmetic on a row number n, ((n*n mod p) * a + n * b) mod p with p = 1000003, so
-- the same rows come out on every run. Beyond integers, only float8 + - * / (exact under
-- IEEE 754 everywhere) and numeric sqrt/power (PostgreSQL's own code, not the C library's).
--
-- 25,000 users, 65,933 sessions, 279,146 events between 2025-01-01 and 2026-01-31 (UTC).
-- Traffic grows through the year, is busiest in the European afternoon and evening,
-- drops at weekends and over Christmas, and has two gaps: an outage with no sessions at
-- all on 2025-08-09 and 2025-08-10, and none on 2025-11-03 between 02:00 and 06:00.
-- Explicit ids (OVERRIDING SYSTEM VALUE) keep the references readable; the identity
-- sequences are moved past them at the end.

-- Users 1..2,000 signed up during 2024; the other 23,000 during the 13 months, faster and
-- faster (ids follow sign-up time). A user's country, plan and referrer come from n.
INSERT INTO users (id, email, country, plan, referrer, referred_by, signed_up_at) OVERRIDING SYSTEM VALUE
SELECT n,
       CASE WHEN n % 97 = 0 THEN 'User' || n || '@Example.COM' ELSE 'user' || n || '@example.com' END,
       CASE WHEN c < 300 THEN 'US' WHEN c < 420 THEN 'DE' WHEN c < 520 THEN 'GB' WHEN c < 610 THEN 'FR'
            WHEN c < 690 THEN 'IN' WHEN c < 750 THEN 'BR' WHEN c < 800 THEN 'JP' WHEN c < 840 THEN 'NL'
            WHEN c < 880 THEN 'ES' WHEN c < 910 THEN 'PL' WHEN c < 940 THEN 'SE' WHEN c < 965 THEN 'CA'
            WHEN c < 990 THEN 'AU' END,
       CASE WHEN p < 700 THEN 'free' WHEN p < 900 THEN 'pro' WHEN p < 980 THEN 'team' ELSE 'enterprise' END,
       CASE WHEN f < 300 THEN 'google' WHEN f < 450 THEN 'newsletter' WHEN f < 550 THEN 'twitter'
            WHEN f < 650 THEN 'friend' WHEN f < 700 THEN 'partner' END,
       CASE WHEN f >= 550 AND f < 650 AND n > 1 THEN 1 + (n * 7907) % (n - 1) END,
       CASE WHEN n <= 2000
            THEN timestamptz '2024-01-01 00:00:00+00' + (n - 1) * interval '15811 seconds' + (n % 600) * interval '1 second'
            ELSE timestamptz '2025-01-01 00:00:00+00'
                 + floor(34214400 * (sqrt(0.09 + 2.8 * (n - 2000) / 23000.0) - 0.3) / 1.4) * interval '1 second'
       END
FROM generate_series(1::bigint, 25000) AS n
CROSS JOIN LATERAL (SELECT ((n * n) % 1000003 * 7919 + n * 104729) % 1000003 % 1000 AS c,
                           ((n * n) % 1000003 * 6911 + n * 15485863) % 1000003 % 1000 AS p,
                           ((n * n) % 1000003 * 3571 + n * 2750159) % 1000003 % 1000 AS f) AS r;

-- Sessions: a number per day (growth x weekday x Christmas, 0 during the outage), each
-- at an hour drawn from a daily curve (weights per UTC hour 0..23: 2 1 1 1 1 2 4 6 8 9 9 9
-- 8 9 10 10 10 11 12 12 11 8 5 3; the thresholds below are their running sums), by a user
-- who had signed up by then (older users a little more often). Ids follow started_at.
INSERT INTO sessions (id, user_id, device, started_at, ended_at) OVERRIDING SYSTEM VALUE
WITH days AS MATERIALIZED (
    SELECT d, date '2025-01-01' + d AS day,
           CASE WHEN date '2025-01-01' + d BETWEEN date '2025-08-09' AND date '2025-08-10' THEN 0
                ELSE round((110 + d * 0.3)
                           * CASE extract(isodow FROM date '2025-01-01' + d) WHEN 6 THEN 0.75 WHEN 7 THEN 0.7 ELSE 1.1 END
                           * CASE WHEN date '2025-01-01' + d BETWEEN date '2025-12-24' AND date '2025-12-26'
                                  THEN 0.5 ELSE 1 END)::integer
           END AS sessions
    FROM generate_series(0, 395) AS d
), drawn AS MATERIALIZED (
    SELECT s, days.day, x1, x2, x3
    FROM days
    CROSS JOIN LATERAL generate_series(1, days.sessions) AS k
    CROSS JOIN LATERAL (SELECT days.d * 1000::bigint + k AS s) AS seed
    CROSS JOIN LATERAL (SELECT ((s * s) % 1000003 * 7919 + s * 104729) % 1000003 / 1000003::float8 AS x1,
                               ((s * s) % 1000003 * 6911 + s * 15485863) % 1000003 / 1000003::float8 AS x2,
                               ((s * s) % 1000003 * 3571 + s * 2750159) % 1000003 / 1000003.0 AS x3) AS r
), timed AS MATERIALIZED (
    SELECT s, x3,
           drawn.day + (width_bucket(x1 * 162, ARRAY[0, 2, 3, 4, 5, 6, 8, 12, 18, 26, 35, 44, 53, 61, 70, 80, 90, 100,
                                                         111, 123, 135, 146, 154, 159]) - 1) * interval '1 hour'
                     + floor(x2 * 3600) * interval '1 second' AS started_at
    FROM drawn
), placed AS MATERIALIZED (
    SELECT row_number() OVER (ORDER BY started_at, s) AS id, s, x3, started_at,
           extract(epoch FROM started_at - timestamptz '2025-01-01 00:00:00+00') / 34214400 AS y
    FROM timed
    WHERE NOT (started_at >= timestamptz '2025-11-03 02:00:00+00' AND started_at < timestamptz '2025-11-03 06:00:00+00')
)
SELECT id,
       1 + floor(power(x3, 1.3) * (2000 + floor(23000 * (0.3 * y + 0.7 * y * y))))::integer,
       CASE WHEN s % 10 < 5 THEN 'mobile' WHEN s % 10 < 9 THEN 'desktop' ELSE 'tablet' END,
       started_at,
       -- the session's last event (event_count as the events below compute it from the id), or NULL
       CASE WHEN s % 101 <> 0
            THEN started_at + ((floor(10 * x * x)::integer) * 45 + 40) * interval '1 second' END
FROM placed
CROSS JOIN LATERAL (SELECT (id * id % 1000003 * 1223 + id * 7368787) % 1000003 / 1000003::float8 AS x) AS r
ORDER BY id;

-- Events: each session's own (1 to 10, the count drawn from the session id; 45 s apart plus
-- up to 40 s, so always in order and never after ended_at), and a server-side 'signup' for
-- each user who signed up in the 13 months. Inserted in time order: ids follow occurred_at.
INSERT INTO events (user_id, session_id, type, occurred_at, properties)
SELECT user_id, session_id, type, occurred_at, properties
FROM (
    SELECT s.user_id, s.id AS session_id, j,
           s.started_at + (j * 45 + floor(x1 * 40)) * interval '1 second' AS occurred_at,
           kind.type,
           CASE kind.type
               WHEN 'page_view' THEN jsonb_build_object('path', (ARRAY['/', '/pricing', '/docs', '/docs/indexes', '/blog',
                                                                        '/features', '/account', '/changelog'])[1 + e % 8])
               WHEN 'click' THEN jsonb_build_object('element', (ARRAY['cta', 'nav', 'footer', 'banner'])[1 + e % 4],
                                                    'path', (ARRAY['/', '/pricing', '/docs', '/blog'])[1 + (e / 4) % 4])
               WHEN 'search' THEN jsonb_build_object('query', (ARRAY['window functions', 'brin', 'json', 'vacuum',
                                                                     'partitioning', 'Window Functions', ' vacuum ',
                                                                     'index only scan', 'cte', 'explain'])[1 + e % 10],
                                                     'results', (e * 7) % 40)
               WHEN 'add_to_cart' THEN jsonb_build_object('plan', plan, 'seats', CASE plan WHEN 'team' THEN 2 + e % 9 ELSE 1 END)
               WHEN 'purchase' THEN jsonb_build_object('plan', plan, 'seats', CASE plan WHEN 'team' THEN 2 + e % 9 ELSE 1 END,
                                                       'amount', CASE plan WHEN 'team' THEN 99.00 * (2 + e % 9) ELSE 29.00 END,
                                                       'currency', CASE WHEN e % 3 = 0 THEN 'USD' ELSE 'EUR' END)
               ELSE jsonb_build_object('code', (ARRAY[500, 502, 404, 429])[1 + e % 4], 'path', '/account')
           END AS properties
    FROM sessions AS s
    CROSS JOIN LATERAL (SELECT 1 + floor(10 * x4 * x4)::integer AS event_count,
                               (s.id % 2 = 0 AND x4 > 0.55 AND (s.id * 13) % 100 < 30) AS buys,
                               CASE WHEN s.id % 4 = 0 THEN 'team' ELSE 'pro' END AS plan
                        FROM (SELECT ((s.id::bigint * s.id) % 1000003 * 1223 + s.id * 7368787) % 1000003 / 1000003::float8 AS x4) AS r) AS m
    CROSS JOIN LATERAL generate_series(0, m.event_count - 1) AS j
    CROSS JOIN LATERAL (SELECT s.id * 16 + j AS e) AS seed
    CROSS JOIN LATERAL (SELECT ((e * e) % 1000003 * 7919 + e * 104729) % 1000003 / 1000003::float8 AS x1,
                               ((e * e) % 1000003 * 6911 + e * 15485863) % 1000003 / 1000003::float8 AS x2) AS r
    CROSS JOIN LATERAL (SELECT CASE WHEN j = 0 THEN 'page_view'
                                    WHEN m.buys AND j = m.event_count - 1 THEN 'purchase'
                                    WHEN m.buys AND j = m.event_count - 2 THEN 'add_to_cart'
                                    WHEN x2 < 0.55 THEN 'page_view'
                                    WHEN x2 < 0.80 THEN 'click'
                                    WHEN x2 < 0.93 THEN 'search'
                                    WHEN x2 < 0.985 THEN 'add_to_cart'
                                    ELSE 'error' END AS type) AS kind
    UNION ALL
    SELECT u.id, NULL, 0, u.signed_up_at, 'signup',
           CASE WHEN u.referrer IS NULL THEN '{}' ELSE jsonb_build_object('referrer', u.referrer) END
    FROM users AS u
    WHERE u.signed_up_at >= timestamptz '2025-01-01 00:00:00+00'
      -- the event pipeline was down too: these users signed up but have no 'signup' event
      AND NOT (u.signed_up_at >= timestamptz '2025-08-09 00:00:00+00' AND u.signed_up_at < timestamptz '2025-08-11 00:00:00+00')
      AND NOT (u.signed_up_at >= timestamptz '2025-11-03 02:00:00+00' AND u.signed_up_at < timestamptz '2025-11-03 06:00:00+00')
) AS all_events
ORDER BY occurred_at, session_id NULLS FIRST, j;

SELECT setval(pg_get_serial_sequence('users', 'id'), max(id)) FROM users;
SELECT setval(pg_get_serial_sequence('sessions', 'id'), max(id)) FROM sessions;

-- Foreign keys after the rows (see schema.sql): each is checked by one query, not row by row.
ALTER TABLE users    ADD FOREIGN KEY (referred_by) REFERENCES users (id);
ALTER TABLE sessions ADD FOREIGN KEY (user_id)     REFERENCES users (id);
ALTER TABLE events   ADD FOREIGN KEY (user_id)     REFERENCES users (id);
ALTER TABLE events   ADD FOREIGN KEY (session_id)  REFERENCES sessions (id);
