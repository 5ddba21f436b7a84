-- Rows for the raw-import dataset. Deterministic: no random(); every variation is chosen
-- by arithmetic on the line number n, so the same mess comes out on every run.

-- 420 customer lines for 300 customers (C00001..C00300): customer c = 1 + 7n mod 300,
-- so lines 301-420 repeat customers of lines 1-120, formatted differently. Each field
-- cycles through its own variants (n mod 3, 4, 5, 6, 7 ...), so most lines mix several.
INSERT INTO raw_customers (line, customer_ref, full_name, email, phone, country, signed_up, lifetime_value)
SELECT n,
       CASE n % 5 WHEN 0 THEN lower(ref) WHEN 1 THEN ' ' || ref || ' ' WHEN 2 THEN 'C' || c ELSE ref END,
       CASE n % 6 WHEN 0 THEN upper(first || ' ' || last) WHEN 1 THEN lower(first || ' ' || last)
                  WHEN 2 THEN '  ' || first || '   ' || last || ' ' WHEN 3 THEN last || ', ' || first
                  ELSE first || ' ' || last END,
       CASE n % 11 WHEN 0 THEN '' WHEN 1 THEN NULL WHEN 2 THEN upper(mail) || ' ' WHEN 3 THEN initcap(mail)
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
       CASE n % 9 WHEN 0 THEN to_char(d, 'YYYY-MM-DD') WHEN 1 THEN to_char(d, 'DD/MM/YYYY')
                  WHEN 2 THEN to_char(d, 'MM/DD/YYYY') WHEN 3 THEN to_char(d, 'DD.MM.YYYY')
                  WHEN 4 THEN to_char(d, 'FMMonth FMDD, YYYY') WHEN 5 THEN to_char(d, 'YYYYMMDD')
                  WHEN 6 THEN '' WHEN 7 THEN to_char(d, 'YYYY-MM-DD') || ' ' ELSE to_char(d, 'YYYY-MM-DD') END,
       CASE n % 10 WHEN 0 THEN to_char(v, 'FM999990.00') WHEN 1 THEN to_char(v, 'FM999,990.00')
                   WHEN 2 THEN replace(replace(replace(to_char(v, 'FM999,990.00'), ',', ' '), '.', ','), ' ', '.')
                   WHEN 3 THEN '€' || to_char(v, 'FM999990.00') WHEN 4 THEN to_char(v, 'FM999990.0') || ' EUR'
                   WHEN 5 THEN '' WHEN 6 THEN 'n/a' WHEN 7 THEN NULL WHEN 8 THEN ' ' || to_char(v, 'FM999990') || ' '
                   ELSE to_char(v, 'FM999990.00') END
FROM generate_series(1, 420) AS n
CROSS JOIN LATERAL (SELECT 1 + (n * 7) % 300 AS c) AS customer
CROSS JOIN LATERAL (
    SELECT 'C' || lpad(c::text, 5, '0') AS ref,
           (ARRAY['Ada', 'Bo', 'Chen', 'Dara', 'Emeka', 'Farah', 'Goran', 'Hana', 'Ivo', 'Jun', 'Kemal', 'Lena',
                  'Mateo', 'Nia', 'Omar', 'Priya', 'Quinn', 'Rosa', 'Sven', 'Tariq'])[1 + c % 20] AS first,
           (ARRAY['Abbott', 'Banda', 'Costa', 'Dvorak', 'Eze', 'Fischer', 'Garcia', 'Haddad', 'Ito', 'Jensen',
                  'Kim', 'Lopez', 'Mensah', 'Novak', 'Okoro', 'Park', 'Quist', 'Rossi', 'Singh'])[1 + c % 19] AS last,
           (20 + c % 60)::text AS area,
           lpad(((c * 7919) % 100000000)::text, 8, '0') AS num,
           date '2023-01-01' + (c * 13) % 1000 AS d,
           ((c * 7919) % 500000) / 100.0 AS v) AS base
CROSS JOIN LATERAL (SELECT lower(first) || '.' || lower(last) || c || '@example.com' AS mail) AS address;

-- Lines a generator does not make: impossible dates, words for numbers, an exponent, a
-- negative value, a name with an apostrophe and one with accents, a line of blanks, a
-- customer with no ref, and one line repeated exactly (a file loaded twice).
INSERT INTO raw_customers (line, customer_ref, full_name, email, phone, country, signed_up, lifetime_value) VALUES
    (421, 'C00301', 'Liam O''Brien',     'liam.obrien@example.com',   '+353 1 555 0123', 'IE',      '2025-02-30',   '1 234.50'),
    (422, 'C00302', 'Chloé Martin',      'chloe.martin@example.fr',   '+33 4 72 01 0003', 'France', '31/12/2025',   '12e3'),
    (423, 'C00303', 'Zoë  Van der Berg', 'ZOE.VDB@EXAMPLE.NL',        '',                'NL',      '2025-13-01',   'twelve'),
    (424, 'C00304', 'Test User',         'test@test',                 '000',             'XX',      'yesterday',    '-5.00'),
    (425, '',       'Anonymous',         NULL,                        NULL,              NULL,      NULL,           NULL),
    (426, '   ',    '   ',               '   ',                       '   ',             '   ',     '   ',          '   '),
    (427, 'C00305', 'Mei Wong',          'mei.wong@example.com',      '+44 20 7946 0958', 'GB',     '01/02/2025',   '1,000'),
    (428, 'C00305', 'Mei Wong',          'mei.wong@example.com',      '+44 20 7946 0958', 'GB',     '01/02/2025',   '1,000'),
    (429, 'c00305', 'MEI WONG',          'Mei.Wong@example.com ',     '020 7946 0958',   'uk',      '2025-02-01',   '1000.00'),
    (430, 'C00306', 'Nils Ek',           'nils.ek@example.se',        '+46 8 555 000 07', 'SE',     '2024-02-29',   '0'),
    (431, 'C00307', 'Ana Lima',          'ana.lima@example.com.br',   '+55 11 5555 0101', 'BR',     '1999-12-31',   '99999999.99'),
    (432, 'C00308', 'Kofi Mensah',       'kofi@example.com',          '+233 30 555 0199', 'GH',     '2025-06-15T14:30:00Z', '250,00');

-- 1,200 order lines for orders O-100001.. : every 25th line repeats the line before it
-- exactly (a duplicate upload), customer refs follow the customers' own variants (and 1 in
-- 40 points at a customer nobody exported: C00999), timestamps come in four formats,
-- one of them Unix epoch seconds.
INSERT INTO raw_orders (line, order_ref, customer_ref, ordered_at, amount, currency, status, quantity)
SELECT n,
       'O-' || (100000 + o),
       CASE WHEN o % 40 = 0 THEN 'C00999'
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
FROM generate_series(1, 1200) AS n
CROSS JOIN LATERAL (SELECT CASE WHEN n % 25 = 0 THEN n - 1 ELSE n END AS o) AS same
CROSS JOIN LATERAL (
    SELECT 'C' || lpad((1 + (o * 13) % 300)::text, 5, '0') AS ref,
           timestamptz '2025-01-01 00:00:00+00' + (o * 389) % 525600 * interval '1 minute' AS ts,
           (1 + (o * o * 31 + o * 4973) % 40000) / 100.0 AS a) AS base;

-- The clean product list (40 SKUs) and the supplier's update file for it: new SKUs,
-- changed prices, SKUs in lower case or with spaces, the same SKU twice with different
-- prices (the later line wins), a withdrawn product ('DELETE' in in_stock) and a bad price.
INSERT INTO products (sku, name, price, in_stock, updated_at)
SELECT (ARRAY['ABC', 'KLM', 'XYZ', 'PQR'])[1 + n % 4] || '-' || lpad((1000 + n * 37)::text, 4, '0'),
       (ARRAY['Desk lamp', 'Notebook', 'Pen set', 'Backpack', 'Mug', 'Headphones', 'Stapler', 'Monitor stand'])[1 + n % 8]
           || ' ' || n,
       round((5 + (n * 1237) % 9500 / 100.0)::numeric, 2),
       n % 9 <> 0,
       timestamptz '2025-10-01 09:00:00+00' + n * interval '1 day'
FROM generate_series(1, 40) AS n;

INSERT INTO raw_products (line, sku, name, price, in_stock, updated) VALUES
    ( 1, 'ABC-1148',   'Mug 4',             '19.90',   'yes',    '2026-01-10'),
    ( 2, 'klm-1037',   'Notebook 1',        '24,50',   'Y',      '10/01/2026'),
    ( 3, ' XYZ-1074 ', 'Pen set 2',         '€7.99',   'true',   '2026-01-10'),
    ( 4, 'PQR-1111',   'Backpack 3',        '',        'no',     '2026-01-11'),
    ( 5, 'ABC-1592',   'Desk lamp 16',      '12.00',   'DELETE', '2026-01-11'),
    ( 6, 'ABC-9001',   'Desk organiser',    '15.00',   'yes',    '2026-01-12'),
    ( 7, 'abc-9001',   'Desk Organiser',    '14.50',   'yes',    '2026-01-13'),
    ( 8, 'KLM-9002',   'Cable tidy',        '3.5',     '1',      '13.01.2026'),
    ( 9, 'XYZ-9003',   'Laptop sleeve',     'n/a',     'yes',    '2026-01-14'),
    (10, 'PQR-9004',   ' Whiteboard ',      '1,299.00','yes',    'January 14, 2026'),
    (11, 'PQR-9004',   'Whiteboard',        '1299.00', 'yes',    '2026-01-14'),
    (12, 'ABC-1296',   'Desk lamp 8',        '-3.00',   'no',     '2026-01-15'),
    (13, '',           'Mystery item',      '9.99',    'yes',    '2026-01-15'),
    (14, NULL,         NULL,                NULL,      NULL,     NULL),
    (15, 'KLM-1333',   'Notebook 9',        '8.00',    '0',      '20260116'),
    (16, 'ABC-1444',   'Mug 12',            '79.00',   'Yes ',   '2026-01-16'),
    (17, 'ABC-1444',   'Mug 12',            '79.00',   'Yes ',   '2026-01-16'),
    (18, 'XYZ-1518',   'Stapler 14',        '45',      'N',      '2026-01-17');
