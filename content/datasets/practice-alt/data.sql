-- Rows for the hidden practice-alt dataset. Deterministic: the same rows on every run.
-- Ids start well away from practice's (customers 101-140, accounts 201-252,
-- categories 501-531, products 301-324, orders 1001-1075, reviews 7001-7240),
-- and rows are not inserted in date order,
-- so an answer that hard-codes ids or leans on insertion order gives a wrong result.

-- Seven customers have no phone (NULL). Customers 115 and 127 signed up at the
-- same moment. Insertion order is not sign-up order.
-- Ten customers came through a referral, in two chains of the same depth
-- (120 <- 116 <- 108 <- 128 <- 134 and 118 <- 138 <- 106 <- 112 <- 102) and
-- two single steps. Four customers have no time zone (NULL).
INSERT INTO customers (id, email, full_name, country, phone, created_at, referred_by, time_zone) OVERRIDING SYSTEM VALUE VALUES
    (101, 'oskar.nilsson@example.net',     'Oskar Nilsson',     'SE', '+46 31 555 0101',   '2024-05-03 08:15:00+00', NULL, 'Europe/Stockholm'),
    (102, 'ines.barros@example.com',       'Inês Barros',       'PT', '+351 21 555 0102',  '2022-11-19 14:02:00+00', NULL, 'Europe/Lisbon'),
    (103, 'tomasz.wrobel@example.org',     'Tomasz Wróbel',     'PL', NULL,                '2025-02-11 10:40:00+00', NULL, NULL),
    (104, 'amelie.fontaine@example.com',   'Amélie Fontaine',   'FR', '+33 2 40 55 0104',  '2023-07-07 07:07:00+00', NULL, 'Europe/Paris'),
    (105, 'kwame.asante@example.com',      'Kwame Asante',      'GH', '+233 24 555 0105',  '2024-12-31 23:30:00+00', NULL, 'Africa/Accra'),
    (106, 'sofia.lombardi@example.net',    'Sofia Lombardi',    'IT', '+39 011 555 0106',  '2023-01-02 09:00:00+00',  112, 'Europe/Rome'),
    (107, 'mateo.herrera@example.com',     'Mateo Herrera',     'AR', '+54 11 5555 0107',  '2024-02-29 18:45:00+00', NULL, 'America/Argentina/Buenos_Aires'),
    (108, 'hannah.becker@example.com',     'Hannah Becker',     'DE', '+49 711 555 0108',  '2022-08-14 12:30:00+00',  128, 'Europe/Berlin'),
    (109, 'ravi.menon@example.org',        'Ravi Menon',        'IN', '+91 80 5555 0109',  '2025-06-30 05:55:00+00', NULL, 'Asia/Kolkata'),
    (110, 'emily.clarke@example.com',      'Emily Clarke',      'GB', '+44 161 555 0110',  '2023-10-10 10:10:00+00', NULL, 'Europe/London'),
    (111, 'jakub.dvorak@example.net',      'Jakub Dvořák',      'CZ', NULL,                '2024-03-17 16:20:00+00', NULL, NULL),
    (112, 'lucia.fernandez@example.com',   'Lucía Fernández',   'ES', '+34 93 555 0112',   '2022-12-24 20:00:00+00',  102, 'Europe/Madrid'),
    (113, 'noor.rahman@example.org',       'Noor Rahman',       'BD', '+880 2 5555 0113',  '2025-04-01 00:00:00+00', NULL, 'Asia/Dhaka'),
    (114, 'finn.jansen@example.com',       'Finn Jansen',       'NL', '+31 20 555 0114',   '2023-05-21 13:13:00+00', NULL, 'Europe/Amsterdam'),
    (115, 'mei.lin@example.com',           'Mei Lin',           'CN', '+86 10 5555 0115',  '2024-09-01 09:30:00+00', NULL, 'Asia/Shanghai'),
    (116, 'george.papas@example.net',      'George Papas',      'GR', '+30 21 0555 0116',  '2022-09-09 09:09:00+00',  108, 'Europe/Athens'),
    (117, 'olga.ivanova@example.com',      'Olga Ivanova',      'BG', '+359 52 555 0117',  '2025-08-08 08:08:00+00', NULL, 'Europe/Sofia'),
    (118, 'sean.kelly@example.org',        'Seán Kelly',        'IE', NULL,                '2023-03-03 03:03:00+00',  138, 'Europe/Dublin'),
    (119, 'yara.haddad@example.com',       'Yara Haddad',       'LB', '+961 1 555 0119',   '2024-07-15 11:45:00+00', NULL, 'Asia/Beirut'),
    (120, 'marcus.johnson@example.com',    'Marcus Johnson',    'US', '+1 312 555 0120',   '2022-10-01 15:00:00+00',  116, 'America/Chicago'),
    (121, 'anna.berg@example.net',         'Anna Berg',         'SE', '+46 8 555 0121',    '2023-12-12 12:12:00+00',  110, 'Europe/Stockholm'),
    (122, 'diego.silva@example.com',       'Diego Silva',       'BR', '+55 21 5555 0122',  '2025-01-20 17:35:00+00', NULL, 'America/Sao_Paulo'),
    (123, 'leila.karimi@example.org',      'Leila Karimi',      'DE', '+49 69 555 0123',   '2024-11-05 06:50:00+00', NULL, 'Europe/Berlin'),
    (124, 'pierre.dubois@example.com',     'Pierre Dubois',     'FR', NULL,                '2023-08-30 19:25:00+00', NULL, NULL),
    (125, 'chen.wei@example.com',          'Chen Wei',          'CN', '+86 21 5555 0125',  '2025-09-14 14:14:00+00', NULL, 'Asia/Shanghai'),
    (126, 'fatima.zahra@example.net',      'Fatima Zahra',      'MA', '+212 5 2255 0126',  '2024-01-01 00:00:00+00', NULL, 'Africa/Casablanca'),
    (127, 'lars.eriksen@example.com',      'Lars Eriksen',      'NO', '+47 22 55 0127',    '2024-09-01 09:30:00+00', NULL, 'Europe/Oslo'),
    (128, 'julia.nowak@example.org',       'Julia Nowak',       'PL', '+48 22 555 0128',   '2022-07-04 10:00:00+00',  134, 'Europe/Warsaw'),
    (129, 'kenji.mori@example.com',        'Kenji Mori',        'JP', NULL,                '2023-04-16 22:40:00+00', NULL, 'Asia/Tokyo'),
    (130, 'rachel.green@example.com',      'Rachel Green',      'US', '+1 646 555 0130',   '2025-03-09 08:00:00+00',  122, 'America/New_York'),
    (131, 'ahmed.saleh@example.net',       'Ahmed Saleh',       'EG', '+20 2 5555 0131',   '2023-06-18 16:16:00+00', NULL, 'Africa/Cairo'),
    (132, 'nina.petrovic@example.com',     'Nina Petrović',     'RS', '+381 11 555 0132',  '2024-10-22 21:21:00+00', NULL, 'Europe/Belgrade'),
    (133, 'tobias.keller@example.org',     'Tobias Keller',     'CH', '+41 44 555 0133',   '2025-07-01 07:00:00+00', NULL, 'Europe/Zurich'),
    (134, 'laura.moreau@example.com',      'Laura Moreau',      'BE', '+32 2 555 0134',    '2022-06-06 06:06:00+00', NULL, 'Europe/Brussels'),
    (135, 'samir.khan@example.com',        'Samir Khan',        'GB', '+44 113 555 0135',  '2023-09-27 11:11:00+00', NULL, 'Europe/London'),
    (136, 'eva.horvat@example.net',        'Eva Horvat',        'HR', NULL,                '2024-04-04 04:04:00+00', NULL, NULL),
    (137, 'daniel.cohen@example.com',      'Daniel Cohen',      'IL', '+972 3 555 0137',   '2025-05-05 15:50:00+00', NULL, 'Asia/Jerusalem'),
    (138, 'maria.garcia@example.org',      'María García',      'MX', '+52 55 5555 0138',  '2023-02-14 14:00:00+00',  106, 'America/Mexico_City'),
    (139, 'ole.hansen@example.com',        'Ole Hansen',        'DK', '+45 33 55 0139',    '2024-06-21 12:00:00+00', NULL, 'Europe/Copenhagen'),
    (140, 'zainab.bello@example.com',      'Zainab Bello',      'NG', NULL,                '2025-10-31 23:59:00+00', NULL, 'Africa/Lagos');

-- Customers 104, 117, 126, 133 and 140 have no account. Balances sit on both
-- sides of round numbers (300.00, 1000.00, 1200.00) and currencies mix.
INSERT INTO accounts (id, customer_id, balance, currency, opened_at) OVERRIDING SYSTEM VALUE VALUES
    (201, 108,   1200.00, 'EUR', '2024-02-10 10:00:00+00'),
    (202, 101,    980.00, 'SEK', '2024-05-04 09:00:00+00'),
    (203, 101,  21000.00, 'SEK', '2025-01-15 12:00:00+00'),
    (204, 102,    300.00, 'EUR', '2024-03-01 08:30:00+00'),
    (205, 103,     45.60, 'PLN', '2025-02-12 11:00:00+00'),
    (206, 105,   1800.00, 'USD', '2025-01-02 10:00:00+00'),
    (207, 105,    999.99, 'EUR', '2025-03-03 13:30:00+00'),
    (208, 106,    650.00, 'EUR', '2023-01-05 09:45:00+00'),
    (209, 106,   1200.00, 'EUR', '2023-06-06 16:00:00+00'),
    (210, 107,    120.00, 'USD', '2024-03-01 14:15:00+00'),
    (211, 107,   2750.50, 'USD', '2024-08-19 10:10:00+00'),
    (212, 109,   5400.00, 'USD', '2025-07-01 07:00:00+00'),
    (213, 110,   3200.00, 'GBP', '2023-10-11 10:00:00+00'),
    (214, 110,    299.99, 'GBP', '2024-04-30 17:00:00+00'),
    (215, 111,    500.00, 'CZK', '2024-03-18 09:00:00+00'),
    (216, 112,    875.25, 'EUR', '2023-01-10 12:00:00+00'),
    (217, 112,      0.00, 'USD', '2024-12-01 08:00:00+00'),
    (218, 113,     60.00, 'USD', '2025-04-02 10:30:00+00'),
    (219, 114,   1000.00, 'EUR', '2023-05-22 09:00:00+00'),
    (220, 114,   7300.00, 'EUR', '2024-06-01 11:00:00+00'),
    (221, 115,  14500.00, 'CNY', '2024-09-02 03:00:00+00'),
    (222, 116,    410.00, 'EUR', '2022-09-10 10:00:00+00'),
    (223, 116,   1150.00, 'USD', '2024-10-10 10:00:00+00'),
    (224, 118,     95.00, 'EUR', '2023-03-04 09:00:00+00'),
    (225, 119,   2300.00, 'USD', '2024-07-16 13:00:00+00'),
    (226, 120,  12000.00, 'USD', '2022-10-02 15:00:00+00'),
    (227, 120,    100.00, 'USD', '2025-05-20 15:00:00+00'),
    (228, 121,   1650.75, 'SEK', '2023-12-13 08:00:00+00'),
    (229, 121,    720.00, 'EUR', '2024-02-02 08:00:00+00'),
    (230, 122,   3999.00, 'USD', '2025-01-21 18:00:00+00'),
    (231, 123,    815.40, 'EUR', '2024-11-06 07:00:00+00'),
    (232, 124,    200.00, 'EUR', '2023-09-01 10:00:00+00'),
    (233, 125,     99.99, 'USD', '2025-09-15 09:00:00+00'),
    (234, 127,   6100.00, 'NOK', '2024-09-02 09:00:00+00'),
    (235, 128,   2222.22, 'EUR', '2022-07-05 10:00:00+00'),
    (236, 128,    450.00, 'USD', '2024-12-31 23:00:00+00'),
    (237, 129, 480000.00, 'JPY', '2023-04-17 01:00:00+00'),
    (238, 130,    730.00, 'USD', '2025-03-10 09:00:00+00'),
    (239, 130,     25.00, 'EUR', '2025-03-10 09:05:00+00'),
    (240, 131,   1500.00, 'EUR', '2023-06-19 10:00:00+00'),
    (241, 132,      0.00, 'EUR', '2024-10-23 08:00:00+00'),
    (242, 134,   1340.00, 'EUR', '2022-06-07 09:00:00+00'),
    (243, 134,    560.00, 'USD', '2024-01-15 09:00:00+00'),
    (244, 135,    640.00, 'GBP', '2023-09-28 12:00:00+00'),
    (245, 135,   1900.00, 'GBP', '2024-05-05 12:00:00+00'),
    (246, 136,    150.00, 'EUR', '2024-04-05 10:00:00+00'),
    (247, 137,   1250.00, 'USD', '2025-05-06 10:00:00+00'),
    (248, 137,   1250.00, 'USD', '2025-06-06 10:00:00+00'),
    (249, 138,   3050.00, 'USD', '2023-02-15 15:00:00+00'),
    (250, 139,    860.00, 'EUR', '2024-06-22 12:00:00+00'),
    (251, 139,   1010.00, 'EUR', '2025-02-01 12:00:00+00'),
    (252, 102,    310.00, 'EUR', '2022-11-20 10:00:00+00');

-- Transfers move money between accounts of the same currency.
-- Two transfers of 2000.00 tie on amount.
INSERT INTO transfers (id, from_account, to_account, amount, created_at) OVERRIDING SYSTEM VALUE VALUES
    (601, 226, 206,  2000.00, '2025-02-01 10:00:00+00'),
    (602, 220, 201,   450.00, '2025-02-03 12:30:00+00'),
    (603, 203, 202,  1200.00, '2025-02-05 09:15:00+00'),
    (604, 213, 245,   300.00, '2025-02-08 18:00:00+00'),
    (605, 211, 210,    75.25, '2025-02-10 07:45:00+00'),
    (606, 235, 204,    60.00, '2025-02-12 11:11:00+00'),
    (607, 230, 225,  2000.00, '2025-02-15 16:40:00+00'),
    (608, 209, 208,   99.90, '2025-02-18 08:20:00+00'),
    (609, 249, 226,  5000.00, '2025-02-20 13:00:00+00'),
    (610, 219, 220,   25.00, '2025-02-23 10:05:00+00'),
    (611, 242, 222,  1000.00, '2025-02-26 14:30:00+00'),
    (612, 245, 244,   80.00, '2025-03-01 09:00:00+00'),
    (613, 206, 212,   15.50, '2025-03-04 17:17:00+00'),
    (614, 240, 231,  1000.00, '2025-03-07 12:00:00+00'),
    (615, 225, 247,  640.00, '2025-03-10 08:45:00+00'),
    (616, 201, 229,   35.00, '2025-03-13 19:30:00+00'),
    (617, 247, 248,   10.00, '2025-03-16 10:00:00+00'),
    (618, 216, 232,  999.99, '2025-03-19 11:40:00+00'),
    (619, 228, 203,  150.00, '2025-03-22 15:15:00+00'),
    (620, 251, 250,  210.00, '2025-03-25 09:09:00+00'),
    (621, 223, 227,  1500.00, '2025-03-28 16:00:00+00'),
    (622, 231, 216,   42.00, '2025-04-01 08:00:00+00');

-- A different tree: five departments, eight groups, eighteen shelves. The
-- sketchbook sits on a group (level 2), not a shelf, and the globe has no
-- category (NULL). Groups 'Supplies' and 'Reading' each have three children.
INSERT INTO categories (id, parent_id, name) OVERRIDING SYSTEM VALUE VALUES
    (501, NULL, 'Electronics'),
    (502, NULL, 'Books'),
    (503, NULL, 'Home'),
    (504, NULL, 'Office'),
    (505, NULL, 'Toys'),
    (506,  501, 'Gadgets'),
    (507,  501, 'Computer gear'),
    (508,  502, 'Reading'),
    (509,  503, 'Kitchenware'),
    (510,  503, 'Outdoors'),
    (511,  504, 'Furniture'),
    (512,  504, 'Supplies'),
    (513,  505, 'Games'),
    (514,  507, 'Cameras'),
    (515,  507, 'Storage'),
    (516,  506, 'Speakers'),
    (517,  506, 'Fans'),
    (518,  508, 'Programming'),
    (519,  508, 'Mathematics'),
    (520,  508, 'Cookbooks'),
    (521,  509, 'Knives'),
    (522,  509, 'Pots and pans'),
    (523,  509, 'Coffee'),
    (524,  510, 'Watering'),
    (525,  510, 'Planters'),
    (526,  511, 'Desks'),
    (527,  512, 'Desk accessories'),
    (528,  512, 'Boards'),
    (529,  512, 'Fasteners'),
    (530,  513, 'Puzzles'),
    (531,  513, 'Outdoor toys');

-- Product 318 (a globe) and 324 (a plant stand) are never ordered.
-- Several names contain "desk" in some capitalisation.
-- The paper clips have no attributes (NULL) and the kite an empty object; the
-- globe has neither tags nor description (NULL) and the kite an empty tag array.
INSERT INTO products (id, name, category, price, category_id, attributes, tags, description) OVERRIDING SYSTEM VALUE VALUES
    (301, 'Laptop stand',           'electronics',  41.99, 527,
      '{"brand": "Perch", "material": "aluminium", "adjustable": ["height", "angle"], "dimensions": {"w_cm": 26, "d_cm": 24, "h_cm": 15}}',
      '{laptop,desk,ergonomic}', 'An aluminium stand that lifts a laptop to eye level. Folds flat for the bag.'),
    (302, 'Webcam HD',              'electronics',  58.75, 514,
      '{"brand": "Clearview", "resolution": "1920x1080", "wireless": false, "ports": {"usb_a": 1}, "warranty_months": 24}',
      '{camera,video,bestseller}', 'A 1080p webcam with two microphones and a privacy shutter, for calls that look and sound clear.'),
    (303, 'Portable SSD 1 TB',      'electronics', 119.00, 515,
      '{"brand": "Dashdrive", "capacity_gb": 1000, "ports": {"usb_c": 1}, "warranty_months": 36}',
      '{storage,travel,bestseller}', 'A one-terabyte solid-state drive the size of a credit card. Fast, silent and shock resistant.'),
    (304, 'Bluetooth speaker',      'electronics',  66.66, 516,
      '{"brand": "Hush", "wireless": true, "battery_hours": 12, "waterproof": "IPX7", "colors": ["red", "blue", "black"]}',
      '{audio,wireless,outdoor}', 'A waterproof speaker with twelve hours of battery and surprisingly deep bass.'),
    (305, 'Desk fan',               'electronics',  29.95, 517,
      '{"brand": "Breeze", "speeds": 3, "wireless": false, "dimensions": {"diameter_cm": 18}}',
      '{desk,summer}', 'A quiet three-speed desk fan with a tilting head.'),
    (306, 'Query tuning handbook',  'books',        38.40, 518,
      '{"author": "A. Novak", "pages": 420, "format": "paperback", "language": "en", "isbn": "978-0-00-000306-2"}',
      '{sql,databases,performance}', 'How to read query plans, choose indexes and rewrite slow SQL, with examples from real systems.'),
    (307, 'Graph theory primer',    'books',        27.25, 519,
      '{"author": "L. Moreau", "pages": 188, "format": "paperback", "language": "fr"}',
      '{maths,graphs}', 'Vertices, edges, paths and trees: the ideas behind networks and routing, explained from scratch.'),
    (308, 'Cookbook for two',       'books',        21.99, 520,
      '{"author": "C. Wei", "pages": 256, "format": "hardcover", "language": "en", "edition": 3}',
      '{cooking,gift}', 'Eighty recipes sized for two people, most of them ready in thirty minutes.'),
    (309, 'Bread knife',            'kitchen',      33.33, 521,
      '{"material": "stainless steel", "blade_cm": 22, "dishwasher_safe": false}',
      '{knife,kitchen}', 'A serrated 22 cm bread knife that cuts crusty loaves without crushing them.'),
    (310, 'Stock pot 8 l',          'kitchen',      54.00, 522,
      '{"material": "stainless steel", "capacity_ml": 8000, "induction": true, "dishwasher_safe": true}',
      '{cookware,kitchen}', 'An eight-litre stock pot with a glass lid, for soups, stocks and pasta for a crowd.'),
    (311, 'Milk frother',           'kitchen',      17.49, 523,
      '{"battery": "AA", "dishwasher_safe": false}',
      '{coffee,gift}', 'A handheld frother for cappuccino foam in twenty seconds.'),
    (312, 'Watering can',           'garden',       19.90, 524,
      '{"capacity_ml": 5000, "material": "galvanised steel"}',
      '{garden,watering}', 'A five-litre galvanised watering can with a removable rose.'),
    (313, 'Raised bed kit',         'garden',      129.50, 525,
      '{"material": "larch", "dimensions": {"w_cm": 120, "d_cm": 80, "h_cm": 40}}',
      '{garden,outdoor}', 'A larch raised bed that assembles without tools.'),
    (314, 'Corner desk',            'office',      189.00, 526,
      '{"color": "oak", "dimensions": {"w_cm": 140, "d_cm": 140, "h_cm": 75}, "max_load_kg": 60}',
      '{desk,furniture}', 'An L-shaped corner desk with room for two monitors.'),
    (315, 'Desk organiser',         'office',       23.80, 527,
      '{"color": "black", "compartments": 6}',
      '{desk,storage}', 'Six compartments for pens, notes and cables.'),
    (316, 'Whiteboard',             'office',       74.10, 528,
      '{"dimensions": {"w_cm": 90, "h_cm": 60}, "magnetic": true}',
      '{office,planning}', 'A magnetic whiteboard with an aluminium frame and a pen tray.'),
    (317, 'Paper clips (box)',      'office',        2.35, 529,
      NULL,
      '{office}', 'A box of 100 paper clips.'),
    (318, 'Globe',                  'office',       56.00, NULL,
      '{"diameter_cm": 30, "illuminated": true}',
      NULL, NULL),
    (319, 'Wooden puzzle',          'toys',         16.99, 530,
      '{"pieces": 12, "material": "beech", "min_age": 3}',
      '{puzzle,kids,gift}', 'A twelve-piece beech puzzle for small hands.'),
    (320, 'Kite',                   'toys',         24.49, 531,
      '{}',
      '{}', 'A single-line kite that flies in light wind.'),
    (321, 'Building blocks',        'toys',         44.95, 531,
      '{"pieces": 250, "min_age": 4, "material": "plastic"}',
      '{kids,gift,bestseller}', 'Two hundred and fifty blocks in ten colours, compatible with the big brands.'),
    (322, 'Sketchbook A4',          'office',       12.80, 512,
      '{"pages": 120, "paper_gsm": 150}',
      '{paper,art}', 'An A4 sketchbook with heavy paper that takes ink and light watercolour.'),
    (323, 'Herb planter',           'garden',       36.45, 525,
      '{"material": "terracotta", "pots": 3}',
      '{garden,kitchen,gift}', 'Three terracotta pots on a tray, for basil, parsley and chives on the windowsill.'),
    (324, 'Plant stand',            'garden',       48.00, 525,
      '{"material": "bamboo", "tiers": 3}',
      '{garden,furniture}', 'A three-tier bamboo plant stand.');

-- 75 orders from June 2024 to October 2025, a week apart. Customers 108, 112,
-- 121 and 135 order often; 104, 117, 119, 126, 131, 133, 138 and 140 never order.
-- Order 1066 falls on 31 August 2025 at midday. As many orders are cancelled as
-- are pending.
-- Shipped orders leave the Berlin warehouse at 09:00 local time, so shipped_at
-- is 07:00 or 08:00 UTC depending on daylight saving time; orders 1022 and
-- 1023 ship at the same moment. Every tenth order from 1007 on has no details
-- (NULL); the others have a channel and an address, every fifth a coupon, and
-- order 1033 "coupon": null.
INSERT INTO orders (id, customer_id, status, ordered_at, shipped_at, details) OVERRIDING SYSTEM VALUE
SELECT 1000 + o.g,
       o.customer_id,
       o.status,
       o.ordered_at,
       CASE WHEN o.status = 'shipped'
            THEN ((o.ordered_at AT TIME ZONE 'Europe/Berlin')::date
                  + CASE WHEN o.g = 22 THEN 10 ELSE 1 + o.g % 3 END
                  + time '09:00') AT TIME ZONE 'Europe/Berlin'
       END,
       CASE WHEN o.g % 10 = 7 THEN NULL
            ELSE jsonb_build_object(
                     'channel',  (ARRAY['app', 'web', 'phone', 'web'])[1 + o.g % 4],
                     'shipping', jsonb_build_object(
                         'street',   (ARRAY['High Street', 'Harbour Road', 'Oak Avenue', 'Kings Way'])[1 + (o.g * 3) % 4]
                                     || ' ' || (2 + (o.g * 5) % 90)::text,
                         'city',     coalesce(a.city, 'Unknown'),
                         'country',  c.country))
                 || CASE WHEN o.g % 5 = 0  THEN jsonb_build_object('coupon', (ARRAY['SUMMER15', 'WELCOME10'])[1 + (o.g / 5) % 2])
                         WHEN o.g = 33     THEN '{"coupon": null}'::jsonb
                         ELSE '{}'::jsonb
                    END
       END
FROM (
    SELECT g,
           CASE WHEN g % 4 = 0 THEN (ARRAY[108, 112, 121, 135])[1 + (g / 4) % 4]
                ELSE (ARRAY[101, 102, 103, 105, 106, 107, 109, 110, 111, 113, 114, 115, 116, 118,
                            120, 122, 123, 124, 125, 127, 128, 129, 130, 132, 134, 136, 137, 139,
                            108, 121])
                     [1 + ((g - g / 4 - 1) * 11) % 30]
           END AS customer_id,
           CASE WHEN g % 9 = 0  THEN 'cancelled'
                WHEN g > 66     THEN 'pending'
                WHEN g % 3 = 0  THEN 'paid'
                ELSE 'shipped'
           END AS status,
           timestamptz '2024-06-02 08:00:00+00'
               + (g - 1) * interval '7 days'
               + ((g * 131) % 700) * interval '1 minute' AS ordered_at
    FROM generate_series(1, 75) AS g
) AS o
JOIN customers AS c ON c.id = o.customer_id
LEFT JOIN (VALUES ('SE', 'Gothenburg'), ('PT', 'Lisbon'), ('PL', 'Warsaw'), ('GH', 'Kumasi'),
                  ('IT', 'Turin'), ('AR', 'Buenos Aires'), ('DE', 'Stuttgart'), ('IN', 'Bengaluru'),
                  ('GB', 'Manchester'), ('CZ', 'Brno'), ('ES', 'Barcelona'), ('BD', 'Dhaka'),
                  ('NL', 'Amsterdam'), ('CN', 'Beijing'), ('GR', 'Athens'), ('IE', 'Cork'),
                  ('US', 'Chicago'), ('BR', 'Rio de Janeiro'), ('NO', 'Oslo'), ('JP', 'Sapporo'),
                  ('RS', 'Belgrade'), ('BE', 'Brussels'), ('HR', 'Zagreb'), ('IL', 'Tel Aviv'),
                  ('DK', 'Copenhagen')
          ) AS a(country, city) ON a.country = c.country
ORDER BY o.g;

-- One to three lines per order; products 318 and 324 never appear.
-- Every sixth line got a 15% discount.
INSERT INTO order_items (order_id, product_id, quantity, unit_price)
SELECT 1000 + o.g,
       p.id,
       1 + (o.g * 3 + k) % 5,
       round(p.price * CASE WHEN (o.g + k) % 6 = 0 THEN 0.85 ELSE 1 END, 2)
FROM generate_series(1, 75) AS o(g)
CROSS JOIN LATERAL generate_series(0, o.g % 3) AS k
JOIN products AS p
  ON p.id = (ARRAY[301, 302, 303, 304, 305, 306, 307, 308, 309, 310, 311, 312, 313, 314,
                   315, 316, 317, 319, 320, 321, 322, 323])[1 + (o.g * 5 + k * 9) % 22];

-- 240 reviews of every ordered product, from November 2024 to November 2025;
-- the SSD and the building blocks have the most (40 each, a tie). Reviews
-- 7011 to 7017 were written either side of the spring and autumn clock
-- changes in Europe and the United States.
INSERT INTO reviews (id, product_id, customer_id, rating, title, body, created_at) OVERRIDING SYSTEM VALUE
SELECT 7000 + r.g,
       p.id,
       r.customer_id,
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
       CASE r.g WHEN 11  THEN timestamptz '2025-03-30 00:30:00+00'   -- 01:30 in Berlin, before the spring change
                WHEN 12  THEN timestamptz '2025-03-30 01:30:00+00'   -- 03:30 in Berlin, after it
                WHEN 13  THEN timestamptz '2025-10-26 00:30:00+00'   -- 02:30 CEST in Berlin
                WHEN 14  THEN timestamptz '2025-10-26 01:30:00+00'   -- 02:30 CET: the same wall-clock time
                WHEN 15  THEN timestamptz '2025-03-09 06:30:00+00'   -- New York, just before 2 a.m.
                WHEN 16  THEN timestamptz '2025-11-02 05:30:00+00'   -- New York, 1:30 a.m. for the first time
                WHEN 17  THEN timestamptz '2025-11-02 06:30:00+00'   -- New York, 1:30 a.m. again
                ELSE timestamptz '2024-11-03 07:00:00+00'
                         + ((r.g * 41) % 360) * interval '1 day'
                         + ((r.g * 53) % 600) * interval '1 minute'
       END
FROM (
    SELECT g,
           CASE WHEN g % 6 = 0 THEN 303
                WHEN g % 6 = 3 THEN 321
                ELSE (ARRAY[301, 302, 304, 305, 306, 307, 308, 309, 310, 311, 312, 313, 314,
                            315, 316, 317, 319, 320, 322, 323])[1 + (g * 7) % 20]
           END AS product_id,
           (ARRAY[101, 102, 103, 105, 106, 107, 108, 109, 110, 111, 112, 113, 114, 115, 116, 118,
                  120, 121, 122, 123, 124, 125, 127, 128, 129, 130, 132, 134, 135, 136, 137, 139])
               [1 + (g * 5) % 32] AS customer_id,
           (ARRAY[4, 5, 3, 1, 5, 4, 2, 5, 4, 3])[1 + (g * 3) % 10] AS rating
    FROM generate_series(1, 240) AS g
) AS r
JOIN products AS p ON p.id = r.product_id
ORDER BY r.g;


-- The hotel: four floors of thirty rooms, '101' to '430', with other bed
-- counts and rates (many rooms share a rate).
INSERT INTO rooms (room, floor, beds, rate)
SELECT f::text || lpad(n::text, 2, '0'),
       f,
       1 + (n + f) % 4,
       70 + 20 * ((n + f) % 4) + 10 * (f / 3)
FROM generate_series(1, 4) AS f
CROSS JOIN generate_series(1, 30) AS n
ORDER BY f, n;

-- 2,000 bookings from January 2025 to January 2026: five for each of customers 1 to 400, scattered
-- across the table (no physical ordering by customer). Check-in is 15:00 in
-- Berlin, so starts_at is 14:00 UTC in winter and 13:00 UTC in summer. Each
-- room's stays follow one another with gaps, except that the bookings after
-- 900617, 901234 and 901851 in their rooms start two days before those stays
-- end (three double bookings); many stays end exactly when the next begins.
INSERT INTO bookings (id, customer_id, room, starts_at, nights, created_at) OVERRIDING SYSTEM VALUE
SELECT 900000 + g,
       1 + (g * 37) % 400,
       (1 + r / 30)::text || lpad((1 + r % 30)::text, 2, '0'),
       (date '2025-01-01' + day + time '15:00') AT TIME ZONE 'Europe/Berlin',
       nights,
       (date '2025-01-01' + day + time '15:00') AT TIME ZONE 'Europe/Berlin'
           - (2 + g % 90) * interval '1 day'
           - ((g * 41) % 1440) * interval '1 minute'
FROM (
    SELECT g, r, nights,
           (r % 7 + coalesce(sum(nights + gap) OVER (PARTITION BY r ORDER BY g
                                                     ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0))::integer AS day
    FROM (
        SELECT g,
               (g * 7) % 120 AS r,
               1 + (g / 120 * 5 + g) % 6 AS nights,
               CASE WHEN g % 617 = 0 THEN -2 ELSE (g / 120 * 7 + g * 5) % 37 END AS gap
        FROM generate_series(1, 2000) AS g
    ) AS b
) AS placed
ORDER BY g;
