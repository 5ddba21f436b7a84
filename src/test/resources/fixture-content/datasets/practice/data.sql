-- Rows for the practice dataset. Deterministic: the same rows on every run.
-- Explicit ids (OVERRIDING SYSTEM VALUE) keep the foreign keys readable;
-- finalise.sql moves the identity sequences past them.

INSERT INTO customers (id, email, full_name, country, phone, created_at) OVERRIDING SYSTEM VALUE VALUES
    ( 1, 'amira.haddad@example.com',    'Amira Haddad',    'FR', '+33 1 55 01 0001',  '2023-01-14 09:12:00+00'),
    ( 2, 'ben.okafor@example.com',      'Ben Okafor',      'GB', '+44 20 7946 0002',  '2023-02-03 17:45:00+00'),
    ( 3, 'chloe.martin@example.org',    'Chloé Martin',    'FR', '+33 4 72 01 0003',  '2023-03-21 08:30:00+00'),
    ( 4, 'daniel.kowalski@example.net', 'Daniel Kowalski', 'PL', NULL,                '2023-04-02 12:00:00+00'),
    ( 5, 'elena.rossi@example.com',     'Elena Rossi',     'IT', '+39 06 5550 0005',  '2023-04-18 19:20:00+00'),
    ( 6, 'farid.nasser@example.com',    'Farid Nasser',    'DE', '+49 30 5550 0006',  '2023-05-09 07:55:00+00'),
    ( 7, 'greta.lindqvist@example.org', 'Greta Lindqvist', 'SE', '+46 8 555 000 07',  '2023-06-30 15:05:00+00'),
    ( 8, 'hiro.tanaka@example.com',     'Hiro Tanaka',     'JP', '+81 3 5550 0008',   '2023-07-11 02:40:00+00'),
    ( 9, 'isabel.costa@example.net',    'Isabel Costa',    'PT', NULL,                '2023-08-25 10:10:00+00'),
    (10, 'jonas.weber@example.com',     'Jonas Weber',     'DE', '+49 89 5550 0010',  '2023-09-14 13:33:00+00'),
    (11, 'kavya.iyer@example.com',      'Kavya Iyer',      'IN', '+91 22 5550 0011',  '2023-10-01 06:15:00+00'),
    (12, 'liam.obrien@example.org',     'Liam O''Brien',   'IE', '+353 1 555 0012',   '2023-10-29 21:00:00+00'),
    (13, 'maya.cohen@example.com',      'Maya Cohen',      'US', '+1 212 555 0113',   '2023-11-16 16:45:00+00'),
    (14, 'noah.schmidt@example.net',    'Noah Schmidt',    'DE', '+49 40 5550 0014',  '2023-12-05 11:25:00+00'),
    (15, 'olivia.brown@example.com',    'Olivia Brown',    'US', '+1 415 555 0115',   '2024-01-08 18:05:00+00'),
    (16, 'pedro.alves@example.com',     'Pedro Alves',     'BR', '+55 11 5550 0016',  '2024-01-27 14:50:00+00'),
    (17, 'quinn.murphy@example.org',    'Quinn Murphy',    'IE', NULL,                '2024-02-19 09:35:00+00'),
    (18, 'rosa.jimenez@example.com',    'Rosa Jiménez',    'ES', '+34 91 555 0018',   '2024-03-12 20:15:00+00'),
    (19, 'samuel.mensah@example.net',   'Samuel Mensah',   'GH', '+233 30 555 0019',  '2024-04-04 08:00:00+00'),
    (20, 'tara.singh@example.com',      'Tara Singh',      'IN', '+91 11 5550 0020',  '2024-04-22 12:40:00+00'),
    (21, 'umar.farouk@example.org',     'Umar Farouk',     'NG', NULL,                '2024-05-15 17:30:00+00'),
    (22, 'valentina.greco@example.com', 'Valentina Greco', 'IT', '+39 02 5550 0022',  '2024-06-06 10:05:00+00'),
    (23, 'william.chen@example.com',    'William Chen',    'US', '+1 206 555 0123',   '2024-07-01 23:10:00+00'),
    (24, 'xenia.petrova@example.net',   'Xenia Petrova',   'BG', '+359 2 555 0024',   '2024-08-19 07:20:00+00'),
    (25, 'yusuf.demir@example.com',     'Yusuf Demir',     'TR', '+90 212 555 0025',  '2024-09-09 15:45:00+00'),
    (26, 'zoe.novak@example.org',       'Zoe Novak',       'CZ', NULL,                '2024-10-30 11:55:00+00'),
    (27, 'aiko.sato@example.com',       'Aiko Sato',       'JP', '+81 6 5550 0027',   '2024-12-02 04:30:00+00'),
    (28, 'bruno.lefevre@example.net',   'Bruno Lefèvre',   'FR', '+33 5 61 01 0028',  '2025-01-17 16:20:00+00'),
    (29, 'clara.hoffmann@example.com',  'Clara Hoffmann',  'DE', '+49 221 5550 029',  '2025-03-03 09:05:00+00'),
    (30, 'diego.ramirez@example.com',   'Diego Ramírez',   'MX', NULL,                '2025-05-26 19:40:00+00');

-- Customers 9, 21 and 30 have no account; thirteen customers have two.
INSERT INTO accounts (id, customer_id, balance, currency, opened_at) OVERRIDING SYSTEM VALUE VALUES
    ( 1,  1,   2500.00, 'EUR', '2023-02-01 10:00:00+00'),
    ( 2,  1,    310.40, 'USD', '2024-06-12 14:30:00+00'),
    ( 3,  2,   1200.00, 'GBP', '2023-03-10 09:15:00+00'),
    ( 4,  2,      0.00, 'EUR', '2024-09-01 11:00:00+00'),
    ( 5,  3,    845.75, 'EUR', '2023-04-22 16:40:00+00'),
    ( 6,  3,  12000.00, 'EUR', '2024-01-15 08:20:00+00'),
    ( 7,  4,   4200.00, 'PLN', '2023-04-05 12:10:00+00'),
    ( 8,  5,    980.10, 'EUR', '2023-05-02 10:45:00+00'),
    ( 9,  5,     50.00, 'USD', '2024-11-20 13:00:00+00'),
    (10,  6,   3300.00, 'EUR', '2023-05-10 09:00:00+00'),
    (11,  6,      0.00, 'EUR', '2025-02-14 15:30:00+00'),
    (12,  7,  15400.00, 'SEK', '2023-07-03 08:50:00+00'),
    (13,  8, 250000.00, 'JPY', '2023-07-12 03:00:00+00'),
    (14,  8,   1200.00, 'USD', '2024-03-08 05:25:00+00'),
    (15, 10,    720.00, 'EUR', '2023-09-15 10:30:00+00'),
    (16, 10,   5000.00, 'EUR', '2024-05-01 09:10:00+00'),
    (17, 11,    640.25, 'USD', '2023-10-02 07:00:00+00'),
    (18, 12,   1875.60, 'EUR', '2023-11-01 12:00:00+00'),
    (19, 13,   9100.00, 'USD', '2023-11-17 15:15:00+00'),
    (20, 13,     75.30, 'USD', '2024-08-30 18:45:00+00'),
    (21, 14,    430.00, 'EUR', '2023-12-06 10:05:00+00'),
    (22, 15,   2210.45, 'USD', '2024-01-09 17:20:00+00'),
    (23, 15,      0.00, 'USD', '2025-01-02 09:00:00+00'),
    (24, 16,   1330.00, 'USD', '2024-01-28 13:40:00+00'),
    (25, 16,     88.80, 'EUR', '2024-10-10 11:10:00+00'),
    (26, 17,    560.00, 'EUR', '2024-02-20 08:35:00+00'),
    (27, 18,   2025.00, 'EUR', '2024-03-13 19:00:00+00'),
    (28, 19,    300.00, 'USD', '2024-04-05 09:30:00+00'),
    (29, 20,   4100.00, 'USD', '2024-04-23 10:00:00+00'),
    (30, 20,     15.00, 'EUR', '2025-04-01 12:00:00+00'),
    (31, 22,    690.90, 'EUR', '2024-06-07 09:45:00+00'),
    (32, 23,  12500.00, 'USD', '2024-07-02 16:00:00+00'),
    (33, 23,    400.00, 'EUR', '2025-02-03 10:20:00+00'),
    (34, 24,   1020.00, 'EUR', '2024-08-20 08:00:00+00'),
    (35, 25,    275.50, 'EUR', '2024-09-10 14:15:00+00'),
    (36, 26,   3600.00, 'EUR', '2024-11-01 10:30:00+00'),
    (37, 27,  98000.00, 'JPY', '2024-12-03 02:10:00+00'),
    (38, 27,    650.00, 'USD', '2025-03-19 06:55:00+00'),
    (39, 28,   1450.00, 'EUR', '2025-01-18 11:40:00+00'),
    (40, 29,      0.00, 'EUR', '2025-03-04 09:20:00+00');

-- Transfers only move money between accounts of the same currency.
INSERT INTO transfers (id, from_account, to_account, amount, created_at) OVERRIDING SYSTEM VALUE VALUES
    ( 1,  1,  5,   120.00, '2025-03-02 09:14:00+00'),
    ( 2,  6,  5,   500.00, '2025-03-03 17:40:00+00'),
    ( 3, 19, 22,    75.50, '2025-03-05 08:05:00+00'),
    ( 4, 10, 16,  1000.00, '2025-03-07 12:30:00+00'),
    ( 5, 13, 37, 15000.00, '2025-03-08 03:12:00+00'),
    ( 6, 18, 27,    42.10, '2025-03-10 19:55:00+00'),
    ( 7, 24,  2,    60.00, '2025-03-12 10:00:00+00'),
    ( 8, 32, 19,  2500.00, '2025-03-14 14:22:00+00'),
    ( 9,  5,  1,    35.00, '2025-03-15 20:01:00+00'),
    (10, 36, 34,   210.00, '2025-03-18 07:45:00+00'),
    (11, 29, 28,   150.00, '2025-03-20 11:11:00+00'),
    (12, 16, 15,   300.00, '2025-03-22 16:36:00+00'),
    (13,  1, 39,    89.99, '2025-03-25 09:00:00+00'),
    (14, 22, 17,    40.00, '2025-03-27 13:13:00+00'),
    (15, 26, 21,    18.50, '2025-03-30 18:20:00+00'),
    (16,  6, 36,   750.00, '2025-04-02 10:45:00+00'),
    (17, 14, 38,   120.00, '2025-04-04 22:10:00+00'),
    (18, 33, 31,    64.00, '2025-04-06 08:30:00+00'),
    (19, 19, 24,   900.00, '2025-04-09 15:00:00+00'),
    (20, 35, 25,    12.75, '2025-04-11 12:05:00+00'),
    (21,  8, 10,   100.00, '2025-04-14 09:40:00+00'),
    (22, 32, 29,  1500.00, '2025-04-16 17:17:00+00'),
    (23, 27, 18,    42.10, '2025-04-19 10:10:00+00'),
    (24,  1,  6,  1000.00, '2025-04-21 08:00:00+00'),
    (25, 17,  9,    25.00, '2025-04-24 14:48:00+00'),
    (26, 39,  1,    89.99, '2025-04-26 19:30:00+00'),
    (27, 10, 30,   200.00, '2025-04-29 11:25:00+00'),
    (28, 20, 23,     5.00, '2025-05-01 07:07:00+00'),
    (29, 16, 10,   450.00, '2025-05-03 13:50:00+00'),
    (30, 34, 36,   210.00, '2025-05-06 16:16:00+00');

-- Product 20 (the ergonomic chair) is never ordered.
INSERT INTO products (id, name, category, price) OVERRIDING SYSTEM VALUE VALUES
    ( 1, 'Mechanical keyboard',         'electronics',  89.00),
    ( 2, 'USB-C hub',                   'electronics',  34.50),
    ( 3, '27-inch monitor',             'electronics', 229.00),
    ( 4, 'Noise-cancelling headphones', 'electronics', 179.99),
    ( 5, 'Wireless mouse',              'electronics',  24.90),
    ( 6, 'SQL pocket guide',            'books',        19.95),
    ( 7, 'Designing data systems',      'books',        42.00),
    ( 8, 'Intro to statistics',         'books',        35.50),
    ( 9, 'Chef''s knife',               'kitchen',      64.00),
    (10, 'Cast-iron pan',               'kitchen',      49.90),
    (11, 'Espresso cups (set of 4)',    'kitchen',      18.00),
    (12, 'French press',                'kitchen',      27.50),
    (13, 'Garden hose 20 m',            'garden',       31.00),
    (14, 'Pruning shears',              'garden',       22.40),
    (15, 'Seed starter kit',            'garden',       15.75),
    (16, 'Desk lamp',                   'office',       39.00),
    (17, 'Notebook (A5, dotted)',       'office',        6.50),
    (18, 'Gel pens (pack of 10)',       'office',        8.90),
    (19, 'Standing desk mat',           'office',       45.00),
    (20, 'Ergonomic chair',             'office',      349.00);

-- 60 orders spread over 2025. Customers 2, 5, 13, 16 and 23 order often;
-- customers 27 to 30 never order. The last eight orders are still pending.
INSERT INTO orders (id, customer_id, status, ordered_at) OVERRIDING SYSTEM VALUE
SELECT g,
       CASE WHEN g % 3 = 0 THEN (ARRAY[2, 5, 13, 16, 23])[1 + (g / 3) % 5]
            ELSE 1 + (g * 7) % 26
       END,
       CASE WHEN g > 52      THEN 'pending'
            WHEN g % 11 = 0  THEN 'cancelled'
            WHEN g > 44      THEN 'paid'
            WHEN g % 5 = 0   THEN 'paid'
            ELSE 'shipped'
       END,
       timestamptz '2025-01-03 10:15:00+00'
           + (g - 1) * interval '5 days'
           + ((g * 97) % 600) * interval '1 minute'
FROM generate_series(1, 60) AS g;

-- One to four lines per order (150 in all), products 1 to 19 only.
-- Every seventh line got a 10% discount, so unit_price is not always price.
INSERT INTO order_items (order_id, product_id, quantity, unit_price)
SELECT o.g,
       p.id,
       1 + (o.g + k * 2) % 4,
       round(p.price * CASE WHEN (o.g + k) % 7 = 0 THEN 0.9 ELSE 1 END, 2)
FROM generate_series(1, 60) AS o(g)
CROSS JOIN LATERAL generate_series(0, o.g % 4) AS k
JOIN products AS p ON p.id = 1 + (o.g * 3 + k * 7) % 19;

-- 50,000 bookings over 2024 and 2025. The multiplications scatter each
-- customer's ten bookings across the whole table (no physical ordering).
INSERT INTO bookings (id, customer_id, room, starts_at, nights, created_at) OVERRIDING SYSTEM VALUE
SELECT g,
       1 + (g * 7919) % 5000,
       (1 + g % 6)::text || lpad((1 + (g * 17) % 40)::text, 2, '0'),
       timestamptz '2024-01-01 15:00:00+00' + ((g * 37) % 731) * interval '1 day',
       1 + (g * 11) % 9,
       timestamptz '2024-01-01 15:00:00+00' + ((g * 37) % 731) * interval '1 day'
           - (1 + g % 120) * interval '1 day'
           - ((g * 53) % 1440) * interval '1 minute'
FROM generate_series(1, 50000) AS g;
