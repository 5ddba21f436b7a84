-- Rows for raw-import-alt, the hidden twin of raw-import: raw-import's schema.sql, the same
-- generator with other numbers and fewer lines (150 customers lines for 100 customers, 300
-- order lines with every 10th a duplicate, 25 products), and other hand-made lines: a leap
-- day in a year without one, April 31, a US date after 12 (12/13/2024), a number in
-- brackets, a letter O for a zero in a price and in a SKU, accented names, the same SKU
-- three times with rising prices (the last line wins), and every field empty vs NULL.
-- Amounts repeat (1.00 to 50.00): ties for any ORDER BY amount.

-- 150 customer lines for 100 customers (C00001..C00100): customer c = 1 + 3n mod 100,
-- so lines 101-150 repeat customers of lines 1-50, formatted differently. Each field
-- cycles through its own variants (n mod 3, 4, 5, 6, 7 ...), so most lines mix several.
INSERT INTO raw_customers (line, customer_ref, full_name, email, phone, country, signed_up, lifetime_value)
SELECT n,
       CASE n % 4 WHEN 0 THEN lower(ref) WHEN 1 THEN ref || '  ' WHEN 2 THEN 'C' || c ELSE ref END,
       CASE n % 7 WHEN 0 THEN upper(first || ' ' || last) WHEN 1 THEN lower(first || ' ' || last)
                  WHEN 2 THEN '  ' || first || '   ' || last || ' ' WHEN 3 THEN last || ', ' || first
                  ELSE first || ' ' || last END,
       CASE n % 5 WHEN 0 THEN '' WHEN 1 THEN NULL WHEN 2 THEN upper(mail) || ' ' WHEN 3 THEN initcap(mail)
                   ELSE mail END,
       CASE n % 7 WHEN 0 THEN '' WHEN 1 THEN NULL
                  WHEN 2 THEN '(0' || area || ') ' || left(num, 4) || '-' || right(num, 4)
                  WHEN 3 THEN '0' || area || '.' || left(num, 4) || '.' || right(num, 4)
                  ELSE '+44 ' || area || ' ' || left(num, 4) || ' ' || right(num, 4) END,
       (ARRAY[ARRAY['GB', 'gb', ' UK', 'United Kingdom', 'GB '],
              ARRAY['DE', 'de ', 'Germany', 'Deutschland', 'DE'],
              ARRAY['FR', 'France', 'fr', 'FR', ''],
              ARRAY['US', 'USA', 'us', 'United States', NULL],
              ARRAY['ES', 'Spain', 'España', 'es', 'ES']])[1 + c % 5][1 + n % 5],
       CASE n % 8 WHEN 0 THEN to_char(d, 'YYYY-MM-DD') WHEN 1 THEN to_char(d, 'DD/MM/YYYY')
                  WHEN 2 THEN to_char(d, 'MM/DD/YYYY') WHEN 3 THEN to_char(d, 'DD.MM.YYYY')
                  WHEN 4 THEN to_char(d, 'FMMonth FMDD, YYYY') WHEN 5 THEN to_char(d, 'YYYYMMDD')
                  WHEN 6 THEN '' WHEN 7 THEN to_char(d, 'YYYY-MM-DD') || ' ' ELSE to_char(d, 'YYYY-MM-DD') END,
       CASE n % 10 WHEN 0 THEN to_char(v, 'FM999990.00') WHEN 1 THEN to_char(v, 'FM999,990.00')
                   WHEN 2 THEN replace(replace(replace(to_char(v, 'FM999,990.00'), ',', ' '), '.', ','), ' ', '.')
                   WHEN 3 THEN '€' || to_char(v, 'FM999990.00') WHEN 4 THEN to_char(v, 'FM999990.0') || ' EUR'
                   WHEN 5 THEN '' WHEN 6 THEN 'n/a' WHEN 7 THEN NULL WHEN 8 THEN ' ' || to_char(v, 'FM999990') || ' '
                   ELSE to_char(v, 'FM999990.00') END
FROM generate_series(1, 150) AS n
CROSS JOIN LATERAL (SELECT 1 + (n * 3) % 100 AS c) AS customer
CROSS JOIN LATERAL (
    SELECT 'C' || lpad(c::text, 5, '0') AS ref,
           (ARRAY['Ada', 'Bo', 'Chen', 'Dara', 'Emeka', 'Farah', 'Goran', 'Hana', 'Ivo', 'Jun', 'Kemal', 'Lena',
                  'Mateo', 'Nia', 'Omar', 'Priya', 'Quinn', 'Rosa', 'Sven', 'Tariq'])[1 + c % 20] AS first,
           (ARRAY['Abbott', 'Banda', 'Costa', 'Dvorak', 'Eze', 'Fischer', 'Garcia', 'Haddad', 'Ito', 'Jensen',
                  'Kim', 'Lopez', 'Mensah', 'Novak', 'Okoro', 'Park', 'Quist', 'Rossi', 'Singh'])[1 + c % 19] AS last,
           (20 + c % 60)::text AS area,
           lpad(((c * 7919) % 100000000)::text, 8, '0') AS num,
           date '2024-01-01' + (c * 17) % 400 AS d,
           ((c * 104729) % 300000) / 100.0 AS v) AS base
CROSS JOIN LATERAL (SELECT lower(first) || '.' || lower(last) || c || '@example.com' AS mail) AS address;

-- Lines a generator does not make: impossible dates, words for numbers, an exponent, a
-- negative value, a name with an apostrophe and one with accents, a line of blanks, a
-- customer with no ref, and one line repeated exactly (a file loaded twice).
INSERT INTO raw_customers (line, customer_ref, full_name, email, phone, country, signed_up, lifetime_value) VALUES
    (151, 'C00101', 'Ösel Ørsted',       'osel@example.dk',           '+45 33 55 01 01', 'DK',      '29/02/2023',   '1.000.000,00'),
    (152, 'C00102', 'Nguyễn Văn An',     'an.nguyen@example.vn',      '+84 24 5555 0102', 'VN',     '2024-04-31',   '1e2'),
    (153, 'C00103', 'Ana-María Ruiz',    'ANA.RUIZ@EXAMPLE.ES',       '',                'ES ',     '12/13/2024',   '(25.00)'),
    (154, '',       '',                  '',                          '',                '',        '',             ''),
    (155, NULL,     NULL,                NULL,                        NULL,              NULL,      NULL,           NULL),
    (156, 'C00104', 'Tom Smith',         'tom@example.com',           '0',               'GB',      '2024-12-31',   '0.00'),
    (157, 'C00104', 'Tom Smith',         'tom@example.com',           '0',               'GB',      '2024-12-31',   '0.00'),
    (158, 'C00104', 'Tom  Smith',        'TOM@example.com',           '0',               'United Kingdom', '31.12.2024', '0'),
    (159, 'C00105', 'Jo Bloggs',         'jo@example.com',            '+44 20 7946 0000', 'GB',     '2025-01-01 00:00', ' 1 000 ');

-- 300 order lines for orders O-100001.. : every 10th line repeats the line before it
-- exactly (a duplicate upload), customer refs follow the customers' own variants (and 1 in
-- 40 points at a customer nobody exported: C00999), timestamps come in four formats,
-- one of them Unix epoch seconds.
INSERT INTO raw_orders (line, order_ref, customer_ref, ordered_at, amount, currency, status, quantity)
SELECT n,
       'O-' || (100000 + o),
       CASE WHEN o % 15 = 0 THEN 'C00777'
            WHEN o % 5 = 0 THEN lower(ref) WHEN o % 5 = 1 THEN ref || ' ' ELSE ref END,
       CASE o % 4 WHEN 0 THEN to_char(ts, 'YYYY-MM-DD HH24:MI')
                  WHEN 1 THEN to_char(ts, 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
                  WHEN 2 THEN to_char(ts, 'DD/MM/YYYY HH24:MI')
                  ELSE extract(epoch FROM ts)::bigint::text END,
       CASE o % 8 WHEN 0 THEN to_char(a, 'FM999990.00') WHEN 1 THEN to_char(a, 'FM999,990.00')
                  WHEN 2 THEN replace(to_char(a, 'FM999990.00'), '.', ',') WHEN 3 THEN '€' || to_char(a, 'FM999990.00')
                  WHEN 4 THEN to_char(a, 'FM999990.00') || ' ' WHEN 5 THEN ''
                  ELSE to_char(a, 'FM999990.00') END,
       (ARRAY['EUR', 'eur', '€', 'EUR ', '', NULL, 'USD', 'EUR'])[1 + o % 8],
       (ARRAY['paid', 'PAID', 'Paid ', 'shipped', 'Shipped', 'cancelled', 'canceled', '', 'pending', 'paid'])[1 + (o * 3) % 10],
       (ARRAY['1', ' 2', '3', 'two', '', '1.0', '1', '4', NULL, '-1', '2', '1'])[1 + (o * 7) % 12]
FROM generate_series(1, 300) AS n
CROSS JOIN LATERAL (SELECT CASE WHEN n % 10 = 0 THEN n - 1 ELSE n END AS o) AS same
CROSS JOIN LATERAL (
    SELECT 'C' || lpad((1 + (o * 7) % 100)::text, 5, '0') AS ref,
           timestamptz '2025-01-01 00:00:00+00' + (o * 1433) % 525600 * interval '1 minute' AS ts,
           (100 * (1 + o % 50)) / 100.0 AS a) AS base;

-- The clean product list (25 SKUs) and the supplier's update file for it: new SKUs,
-- changed prices, SKUs in lower case or with spaces, the same SKU twice with different
-- prices (the later line wins), a withdrawn product ('DELETE' in in_stock) and a bad price.
INSERT INTO products (sku, name, price, in_stock, updated_at)
SELECT (ARRAY['ABC', 'KLM', 'XYZ', 'PQR'])[1 + n % 4] || '-' || lpad((1000 + n * 37)::text, 4, '0'),
       (ARRAY['Desk lamp', 'Notebook', 'Pen set', 'Backpack', 'Mug', 'Headphones', 'Stapler', 'Monitor stand'])[1 + n % 8]
           || ' ' || n,
       round((5 + (n * 1237) % 9500 / 100.0)::numeric, 2),
       n % 9 <> 0,
       timestamptz '2025-10-01 09:00:00+00' + n * interval '1 day'
FROM generate_series(1, 25) AS n;

INSERT INTO raw_products (line, sku, name, price, in_stock, updated) VALUES
    ( 1, 'KLM-1037',   'Notebook 1',        '9.99',    'yes',    '2026-01-05'),
    ( 2, 'KLM-1037',   'Notebook 1',        '10.49',   'yes',    '2026-01-06'),
    ( 3, ' klm-1037',  'Notebook 1',        '10.99',   'yes',    '07/01/2026'),
    ( 4, 'ABC-1148',   'Mug 4',             '0',       'no',     '2026-01-07'),
    ( 5, 'XYZ-1074',   'Pen set 2',         '',        '',       ''),
    ( 6, 'PQR-1111',   'Backpack 3',        '42.11',   'DELETE', '2026-01-08'),
    ( 7, 'ABC-8000',   'Paper clips',       '0.99',    'TRUE',   '2026-01-08'),
    ( 8, 'abc-8000',   'paper clips',       '0.99',    'true',   '2026-01-08'),
    ( 9, 'XYZ-8001',   'Ruler',             '2.5O',    'yes',    '2026-01-09'),
    (10, 'PQR-8002',   'Eraser',            '0,5',     'no',     '8 January 2026'),
    (11, 'KLM-80O3',   'Glue stick',        '1.20',    'yes',    '2026-01-10');
