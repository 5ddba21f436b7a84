-- Rows for the practice dataset. Deterministic: the same rows on every run.
-- Explicit ids (OVERRIDING SYSTEM VALUE) keep the foreign keys readable;
-- finalise.sql moves the identity sequences past them.

-- Nine customers came through a referral; the longest chain is
-- 26 <- 20 <- 12 <- 5 <- 1 (Zoe Novak was referred by Tara Singh, and so on up
-- to Amira Haddad). Customer 30 signed up before customer 29, so ids do not
-- follow sign-up order everywhere.
INSERT INTO customers (id, email, full_name, country, phone, created_at, referred_by, time_zone) OVERRIDING SYSTEM VALUE VALUES
    ( 1, 'amira.haddad@example.com',    'Amira Haddad',    'FR', '+33 1 55 01 0001',  '2023-01-14 09:12:00+00', NULL, 'Europe/Paris'),
    ( 2, 'ben.okafor@example.com',      'Ben Okafor',      'GB', '+44 20 7946 0002',  '2023-02-03 17:45:00+00', NULL, 'Europe/London'),
    ( 3, 'chloe.martin@example.org',    'Chloé Martin',    'FR', '+33 4 72 01 0003',  '2023-03-21 08:30:00+00', NULL, 'Europe/Paris'),
    ( 4, 'daniel.kowalski@example.net', 'Daniel Kowalski', 'PL', NULL,                '2023-04-02 12:00:00+00', NULL, 'Europe/Warsaw'),
    ( 5, 'elena.rossi@example.com',     'Elena Rossi',     'IT', '+39 06 5550 0005',  '2023-04-18 19:20:00+00',    1, 'Europe/Rome'),
    ( 6, 'farid.nasser@example.com',    'Farid Nasser',    'DE', '+49 30 5550 0006',  '2023-05-09 07:55:00+00', NULL, 'Europe/Berlin'),
    ( 7, 'greta.lindqvist@example.org', 'Greta Lindqvist', 'SE', '+46 8 555 000 07',  '2023-06-30 15:05:00+00',    2, 'Europe/Stockholm'),
    ( 8, 'hiro.tanaka@example.com',     'Hiro Tanaka',     'JP', '+81 3 5550 0008',   '2023-07-11 02:40:00+00', NULL, 'Asia/Tokyo'),
    ( 9, 'isabel.costa@example.net',    'Isabel Costa',    'PT', NULL,                '2023-08-25 10:10:00+00', NULL, 'Europe/Lisbon'),
    (10, 'jonas.weber@example.com',     'Jonas Weber',     'DE', '+49 89 5550 0010',  '2023-09-14 13:33:00+00',    2, 'Europe/Berlin'),
    (11, 'kavya.iyer@example.com',      'Kavya Iyer',      'IN', '+91 22 5550 0011',  '2023-10-01 06:15:00+00', NULL, 'Asia/Kolkata'),
    (12, 'liam.obrien@example.org',     'Liam O''Brien',   'IE', '+353 1 555 0012',   '2023-10-29 21:00:00+00',    5, 'Europe/Dublin'),
    (13, 'maya.cohen@example.com',      'Maya Cohen',      'US', '+1 212 555 0113',   '2023-11-16 16:45:00+00', NULL, 'America/New_York'),
    (14, 'noah.schmidt@example.net',    'Noah Schmidt',    'DE', '+49 40 5550 0014',  '2023-12-05 11:25:00+00',    3, 'Europe/Berlin'),
    (15, 'olivia.brown@example.com',    'Olivia Brown',    'US', '+1 415 555 0115',   '2024-01-08 18:05:00+00', NULL, 'America/Los_Angeles'),
    (16, 'pedro.alves@example.com',     'Pedro Alves',     'BR', '+55 11 5550 0016',  '2024-01-27 14:50:00+00', NULL, 'America/Sao_Paulo'),
    (17, 'quinn.murphy@example.org',    'Quinn Murphy',    'IE', NULL,                '2024-02-19 09:35:00+00',   10, 'Europe/Dublin'),
    (18, 'rosa.jimenez@example.com',    'Rosa Jiménez',    'ES', '+34 91 555 0018',   '2024-03-12 20:15:00+00', NULL, 'Europe/Madrid'),
    (19, 'samuel.mensah@example.net',   'Samuel Mensah',   'GH', '+233 30 555 0019',  '2024-04-04 08:00:00+00', NULL, 'Africa/Accra'),
    (20, 'tara.singh@example.com',      'Tara Singh',      'IN', '+91 11 5550 0020',  '2024-04-22 12:40:00+00',   12, 'Asia/Kolkata'),
    (21, 'umar.farouk@example.org',     'Umar Farouk',     'NG', NULL,                '2024-05-15 17:30:00+00', NULL, 'Africa/Lagos'),
    (22, 'valentina.greco@example.com', 'Valentina Greco', 'IT', '+39 02 5550 0022',  '2024-06-06 10:05:00+00', NULL, 'Europe/Rome'),
    (23, 'william.chen@example.com',    'William Chen',    'US', '+1 206 555 0123',   '2024-07-01 23:10:00+00', NULL, 'America/Los_Angeles'),
    (24, 'xenia.petrova@example.net',   'Xenia Petrova',   'BG', '+359 2 555 0024',   '2024-08-19 07:20:00+00', NULL, 'Europe/Sofia'),
    (25, 'yusuf.demir@example.com',     'Yusuf Demir',     'TR', '+90 212 555 0025',  '2024-09-09 15:45:00+00', NULL, 'Europe/Istanbul'),
    (26, 'zoe.novak@example.org',       'Zoe Novak',       'CZ', NULL,                '2024-10-30 11:55:00+00',   20, 'Europe/Prague'),
    (27, 'aiko.sato@example.com',       'Aiko Sato',       'JP', '+81 6 5550 0027',   '2024-12-02 04:30:00+00',    8, 'Asia/Tokyo'),
    (28, 'bruno.lefevre@example.net',   'Bruno Lefèvre',   'FR', '+33 5 61 01 0028',  '2025-01-17 16:20:00+00', NULL, 'Europe/Paris'),
    (29, 'clara.hoffmann@example.com',  'Clara Hoffmann',  'DE', '+49 221 5550 029',  '2025-03-03 09:05:00+00', NULL, 'Europe/Berlin'),
    (30, 'diego.ramirez@example.com',   'Diego Ramírez',   'MX', NULL,                '2025-02-20 19:40:00+00', NULL, 'America/Mexico_City');

-- Customers 9, 21 and 30 have no account; thirteen customers have two.
-- Boundary rows: account 34 holds exactly 1000.00, and account 31 was opened
-- in the afternoon of 31 December 2024.
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
    (31, 22,    690.90, 'EUR', '2024-12-31 16:45:00+00'),
    (32, 23,  12500.00, 'USD', '2024-07-02 16:00:00+00'),
    (33, 23,    400.00, 'EUR', '2025-02-03 10:20:00+00'),
    (34, 24,   1000.00, 'EUR', '2024-08-20 08:00:00+00'),
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

-- The category tree: four departments, eight groups, seventeen shelves.
-- Every product sits on a shelf (level 3); shelf 29 (speakers) is still empty.
INSERT INTO categories (id, parent_id, name) OVERRIDING SYSTEM VALUE VALUES
    ( 1, NULL, 'Electronics'),
    ( 2, NULL, 'Books'),
    ( 3, NULL, 'Home and garden'),
    ( 4, NULL, 'Office'),
    ( 5,    1, 'Computer accessories'),
    ( 6,    1, 'Audio'),
    ( 7,    2, 'Technical books'),
    ( 8,    2, 'Science books'),
    ( 9,    3, 'Kitchen'),
    (10,    3, 'Garden'),
    (11,    4, 'Office furniture'),
    (12,    4, 'Stationery'),
    (13,    5, 'Keyboards and mice'),
    (14,    5, 'Monitors'),
    (15,    5, 'Hubs and cables'),
    (16,    6, 'Headphones'),
    (17,    7, 'Databases'),
    (18,    8, 'Statistics'),
    (19,    9, 'Cookware'),
    (20,    9, 'Coffee and tea'),
    (21,    9, 'Knives'),
    (22,   10, 'Garden tools'),
    (23,   10, 'Watering'),
    (24,   10, 'Seeds and plants'),
    (25,   11, 'Desks and chairs'),
    (26,   11, 'Lighting'),
    (27,   12, 'Paper'),
    (28,   12, 'Pens'),
    (29,    6, 'Speakers');

-- Product 20 (the ergonomic chair) is never ordered.
-- attributes has different keys for each kind of product, some nested
-- (dimensions, ports); the gel pens have no attributes at all (NULL) and the
-- notebook an empty object. The seed kit has no tags (NULL), the pens an empty
-- array; the garden hose has no description.
INSERT INTO products (id, name, category, price, category_id, attributes, tags, description) OVERRIDING SYSTEM VALUE VALUES
    ( 1, 'Mechanical keyboard',         'electronics',  89.00, 13,
      '{"brand": "Keyforge", "layout": "ISO", "switches": "brown", "wireless": false, "warranty_months": 24}',
      '{keyboard,mechanical,bestseller}',
      'A full-size mechanical keyboard with tactile brown switches and a detachable USB-C cable. Quiet enough for an open office.'),
    ( 2, 'USB-C hub',                   'electronics',  34.50, 15,
      '{"brand": "Portly", "ports": {"usb_a": 3, "usb_c": 1, "hdmi": 1}, "power_delivery_w": 100, "warranty_months": 12}',
      '{usb-c,laptop,travel}',
      'Five ports in a pocket-sized aluminium case: three USB-A, one USB-C with 100 W power delivery, and HDMI up to 4K.'),
    ( 3, '27-inch monitor',             'electronics', 229.00, 14,
      '{"brand": "Clearview", "size_in": 27, "resolution": "2560x1440", "panel": "IPS", "ports": {"hdmi": 2, "displayport": 1}, "warranty_months": 36}',
      '{monitor,ips,bestseller}',
      'A 27-inch IPS monitor with a sharp 1440p picture, a height-adjustable stand and two HDMI inputs.'),
    ( 4, 'Noise-cancelling headphones', 'electronics', 179.99, 16,
      '{"brand": "Hush", "wireless": true, "battery_hours": 30, "colors": ["black", "silver"], "warranty_months": 24}',
      '{audio,wireless,travel,bestseller}',
      'Over-ear headphones with active noise cancelling and thirty hours of battery. They fold flat for travel.'),
    ( 5, 'Wireless mouse',              'electronics',  24.90, 13,
      '{"brand": "Keyforge", "wireless": true, "dpi": 1600, "battery": "AA"}',
      '{mouse,wireless}',
      'A small wireless mouse that runs for months on one AA battery. Works on most desk surfaces.'),
    ( 6, 'SQL pocket guide',            'books',        19.95, 17,
      '{"author": "R. Lindgren", "pages": 212, "format": "paperback", "language": "en", "isbn": "978-0-00-000006-1"}',
      '{sql,databases,reference}',
      'A pocket reference to SQL: queries, joins, grouping and window functions, with an example for every clause.'),
    ( 7, 'Designing data systems',      'books',        42.00, 17,
      '{"author": "M. Okoro", "pages": 590, "format": "hardcover", "language": "en", "isbn": "978-0-00-000007-8", "edition": 2}',
      '{databases,architecture}',
      'How databases, queues and caches fit together: replication, partitioning, transactions and the trade-offs behind them.'),
    ( 8, 'Intro to statistics',         'books',        35.50, 18,
      '{"author": "P. Haddad", "pages": 344, "format": "paperback", "language": "en"}',
      '{statistics,maths}',
      'A gentle introduction to statistics: averages, spread, sampling and regression, with exercises and worked answers.'),
    ( 9, 'Chef''s knife',               'kitchen',      64.00, 21,
      '{"material": "stainless steel", "blade_cm": 20, "dishwasher_safe": false}',
      '{knife,kitchen,gift}',
      'A 20 cm chef''s knife forged from stainless steel. Hand wash and dry it to keep the edge.'),
    (10, 'Cast-iron pan',               'kitchen',      49.90, 19,
      '{"material": "cast iron", "diameter_cm": 26, "dishwasher_safe": false, "induction": true}',
      '{cookware,kitchen}',
      'A pre-seasoned 26 cm cast-iron pan for searing, baking and everything in between. Works on induction.'),
    (11, 'Espresso cups (set of 4)',    'kitchen',      18.00, 20,
      '{"material": "porcelain", "capacity_ml": 90, "pieces": 4, "dishwasher_safe": true}',
      '{coffee,gift}',
      'Four thick-walled porcelain cups that keep an espresso warm. Dishwasher safe.'),
    (12, 'French press',                'kitchen',      27.50, 20,
      '{"material": "glass", "capacity_ml": 1000, "dishwasher_safe": true}',
      '{coffee,tea}',
      'A one-litre French press with a borosilicate glass jug and a steel filter. Makes coffee or loose-leaf tea.'),
    (13, 'Garden hose 20 m',            'garden',       31.00, 23,
      '{"length_m": 20, "material": "PVC", "dimensions": {"diameter_mm": 13}}',
      '{garden,watering}',
      NULL),
    (14, 'Pruning shears',              'garden',       22.40, 22,
      '{"material": "carbon steel", "blade_cm": 6, "left_handed": false}',
      '{garden,tools}',
      'Sharp bypass pruning shears for branches up to 2 cm thick, with a safety lock.'),
    (15, 'Seed starter kit',            'garden',       15.75, 24,
      '{"cells": 24, "includes": ["tray", "lid", "soil pellets"]}',
      NULL,
      'Everything to start 24 seedlings on a windowsill: a tray, a clear lid and compressed soil pellets.'),
    (16, 'Desk lamp',                   'office',       39.00, 26,
      '{"brand": "Lumen", "color": "white", "dimmable": true, "bulb": {"type": "LED", "watts": 8}}',
      '{lighting,desk}',
      'An LED desk lamp with a dimmer and a flexible arm. Warm light for late evenings.'),
    (17, 'Notebook (A5, dotted)',       'office',        6.50, 27,
      '{}',
      '{paper,notebook}',
      'An A5 notebook with 160 dotted pages and a lay-flat binding.'),
    (18, 'Gel pens (pack of 10)',       'office',        8.90, 28,
      NULL,
      '{}',
      'Ten gel pens in assorted colours.'),
    (19, 'Standing desk mat',           'office',       45.00, 25,
      '{"color": "grey", "dimensions": {"w_cm": 90, "d_cm": 50, "h_cm": 2}}',
      '{desk,ergonomic}',
      'An anti-fatigue mat for standing desks. Cushioned foam with a bevelled edge.'),
    (20, 'Ergonomic chair',             'office',      349.00, 25,
      '{"brand": "Sitwell", "color": "black", "adjustable": ["height", "armrests", "lumbar"], "max_load_kg": 130, "warranty_months": 60}',
      '{chair,ergonomic,desk}',
      'An office chair with adjustable height, armrests and lumbar support, built for long working days.');

-- 60 orders spread over 2025. Customers 2, 5, 13, 16 and 23 order often;
-- customers 27 to 30 never order. The last eight orders are still pending.
-- shipped_at is set for shipped orders only (one to four days after the
-- order); paid, pending and cancelled orders have NULL. details always has a
-- channel and a shipping address; a coupon only on every fourth order, and
-- orders 17, 34 and 51 carry "coupon": null (a JSON null, not a missing key).
INSERT INTO orders (id, customer_id, status, ordered_at, shipped_at, details) OVERRIDING SYSTEM VALUE
SELECT o.g,
       o.customer_id,
       o.status,
       o.ordered_at,
       CASE WHEN o.status = 'shipped'
            THEN o.ordered_at + (1 + o.g % 4) * interval '1 day' + ((o.g * 41) % 480) * interval '1 minute'
       END,
       jsonb_build_object(
           'channel',  (ARRAY['web', 'app', 'web', 'phone', 'app'])[1 + (o.g * 3) % 5],
           'shipping', jsonb_build_object(
               'street',   (1 + (o.g * 7) % 120)::text || ' '
                           || (ARRAY['Market Street', 'Station Road', 'Park Lane', 'Church Street', 'Mill Road'])[1 + o.g % 5],
               'city',     a.city,
               'postcode', a.postcode,
               'country',  c.country))
       || CASE WHEN o.g % 4 = 0  THEN jsonb_build_object('coupon', (ARRAY['WELCOME10', 'SPRING25', 'FREESHIP'])[1 + (o.g / 4) % 3])
               WHEN o.g % 17 = 0 THEN '{"coupon": null}'::jsonb
               ELSE '{}'::jsonb
          END
       || CASE WHEN o.g % 9 = 0 THEN '{"gift_wrap": true}'::jsonb ELSE '{}'::jsonb END
FROM (
    SELECT g,
           CASE WHEN g % 3 = 0 THEN (ARRAY[2, 5, 13, 16, 23])[1 + (g / 3) % 5]
                ELSE 1 + (g * 7) % 26
           END AS customer_id,
           CASE WHEN g > 52      THEN 'pending'
                WHEN g % 11 = 0  THEN 'cancelled'
                WHEN g > 44      THEN 'paid'
                WHEN g % 5 = 0   THEN 'paid'
                ELSE 'shipped'
           END AS status,
           timestamptz '2025-01-03 10:15:00+00'
               + (g - 1) * interval '5 days'
               + ((g * 97) % 600) * interval '1 minute' AS ordered_at
    FROM generate_series(1, 60) AS g
) AS o
JOIN customers AS c ON c.id = o.customer_id
JOIN (VALUES ('BG', 'Sofia', '1000'),     ('BR', 'São Paulo', '01310-100'), ('CZ', 'Prague', '110 00'),
             ('DE', 'Berlin', '10115'),   ('ES', 'Madrid', '28013'),        ('FR', 'Lyon', '69002'),
             ('GB', 'London', 'N1 9GU'),  ('GH', 'Accra', 'GA-039'),        ('IE', 'Dublin', 'D02 X285'),
             ('IN', 'Mumbai', '400001'),  ('IT', 'Rome', '00184'),          ('JP', 'Osaka', '530-0001'),
             ('MX', 'Mexico City', '06000'), ('NG', 'Lagos', '100001'),     ('PL', 'Kraków', '31-042'),
             ('PT', 'Porto', '4000-322'), ('SE', 'Stockholm', '111 52'),    ('TR', 'Istanbul', '34110'),
             ('US', 'Seattle', '98101')
     ) AS a(country, city, postcode) ON a.country = c.country
ORDER BY o.g;

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

-- 500 reviews of products 1 to 19 (the never-ordered chair has none), written
-- through 2025 by customers 1 to 30. The keyboard (product 1) has the most.
-- Each review is stitched from phrase lists chosen by the rating, so the text
-- reads naturally, repeats stock phrases ("value for money", "would buy
-- again") and has a few typos ("recieved", "definately", "qualty") for
-- trigram searches. Every thirteenth review has no title.
INSERT INTO reviews (id, product_id, customer_id, rating, title, body, created_at) OVERRIDING SYSTEM VALUE
SELECT r.g,
       p.id,
       1 + (r.g * 11) % 30,
       r.rating,
       CASE WHEN r.g % 13 = 0 THEN NULL
            WHEN r.rating >= 4 THEN (ARRAY['Love it', 'Great value', 'Does the job', 'Excellent', 'Would buy again',
                                           'Really happy with this', 'Better than expected', 'Solid choice'])[1 + (r.g * 7) % 8]
            WHEN r.rating = 3  THEN (ARRAY['Okay for the price', 'Mixed feelings', 'Not bad', 'Average'])[1 + (r.g * 5) % 4]
            ELSE (ARRAY['Disappointed', 'Not worth it', 'Broke too soon', 'Returned it', 'Poor qualty'])[1 + (r.g * 3) % 5]
       END,
       replace(
       CASE WHEN r.rating >= 4 THEN
                (ARRAY['I bought the %s for my home office and use it every day.',
                       'The %s arrived quickly and was well packed.',
                       'Recieved the %s two days after ordering.',
                       'I was looking for a decent %s for a while and this one is it.',
                       'Got the %s as a gift for my partner.',
                       'After a month with the %s I can say it was a good purchase.'])[1 + (r.g * 5) % 6]
                || ' ' ||
                (ARRAY['Great value for money.',
                       'The build quality is excellent and it feels like it will last.',
                       'Does exactly what it says on the tin.',
                       'Definately better than the cheaper one I had before.',
                       'Easy to set up and nice to look at.',
                       'The quality is great for the price.',
                       'Works perfectly, no complaints at all.'])[1 + (r.g * 3) % 7]
                || CASE WHEN r.g % 4 = 0 THEN ' Would buy again.' WHEN r.g % 4 = 1 THEN ' Highly recommended.' ELSE '' END
            WHEN r.rating = 3 THEN
                (ARRAY['The %s is fine, nothing special.',
                       'I have mixed feelings about the %s.',
                       'The %s does the job, mostly.',
                       'Expected a bit more from the %s.'])[1 + (r.g * 7) % 4]
                || ' ' ||
                (ARRAY['Okay value for money, but the finish could be better.',
                       'Delivery was slow and the box was damaged, but the product itself works.',
                       'It works, although the instructions were confusing.',
                       'Average qualty for the price.',
                       'Not bad, not great.'])[1 + (r.g * 3) % 5]
            ELSE
                (ARRAY['Very disappointed with the %s.',
                       'The %s stopped working after two weeks.',
                       'I returned the %s after a few days.',
                       'The %s looks nothing like the photos.'])[1 + (r.g * 7) % 4]
                || ' ' ||
                (ARRAY['Poor quality and not worth the money.',
                       'Customer service was helpful, but I would not buy it again.',
                       'The build quality is cheap and it feels flimsy.',
                       'Teh description promised much more than this.',
                       'Not value for money at all.'])[1 + (r.g * 3) % 5]
       END, '%s', lower(p.name)),
       timestamptz '2025-01-06 08:00:00+00'
           + ((r.g * 37) % 355) * interval '1 day'
           + ((r.g * 97) % 840) * interval '1 minute'
FROM (
    SELECT g,
           CASE WHEN g % 8 = 0  THEN 1
                WHEN g % 11 = 0 THEN 12
                ELSE 1 + (g * 13) % 19
           END AS product_id,
           (ARRAY[5, 4, 5, 3, 4, 5, 2, 4, 1, 5, 4, 3])[1 + (g * 7) % 12] AS rating
    FROM generate_series(1, 500) AS g
) AS r
JOIN products AS p ON p.id = r.product_id
ORDER BY r.g;


-- The hotel: eight floors of forty rooms, '101' to '840'. Rooms 01 and 02 of
-- each floor are family rooms with four beds; higher floors cost a little more.
INSERT INTO rooms (room, floor, beds, rate)
SELECT f::text || lpad(n::text, 2, '0'),
       f,
       CASE WHEN n <= 2 THEN 4 ELSE 1 + (n + f) % 3 END,
       55 + 30 * CASE WHEN n <= 2 THEN 4 ELSE 1 + (n + f) % 3 END + 5 * f
FROM generate_series(1, 8) AS f
CROSS JOIN generate_series(1, 40) AS n
ORDER BY f, n;

-- 50,000 bookings over 2024 and 2025. The multiplications scatter each
-- customer's ten bookings across the whole table (no physical ordering).
-- Each room's bookings follow one another with zero to three free nights in
-- between, so stays in a room do not overlap, except after bookings 9973,
-- 19946, 29919 and 39892 (multiples of 9973): the next booking of the same
-- room starts one day before that stay ends. Four double bookings in all
-- (49865 is its room's last booking); README.md lists them.
INSERT INTO bookings (id, customer_id, room, starts_at, nights, created_at) OVERRIDING SYSTEM VALUE
SELECT g,
       1 + (g * 7919) % 5000,
       (1 + r / 40)::text || lpad((1 + r % 40)::text, 2, '0'),
       timestamptz '2024-01-01 15:00:00+00' + day * interval '1 day',
       nights,
       timestamptz '2024-01-01 15:00:00+00' + day * interval '1 day'
           - (1 + g % 120) * interval '1 day'
           - ((g * 53) % 1440) * interval '1 minute'
FROM (
    SELECT g, r, nights,
           r % 5 + coalesce(sum(nights + gap) OVER (PARTITION BY r ORDER BY g
                                                    ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS day
    FROM (
        SELECT g,
               (g * 7) % 320 AS r,
               1 + (g / 320 * 3 + g) % 5 AS nights,
               CASE WHEN g % 9973 = 0 THEN -1 ELSE (g / 320 + g * 3) % 4 END AS gap
        FROM generate_series(1, 50000) AS g
    ) AS b
) AS placed
ORDER BY g;
