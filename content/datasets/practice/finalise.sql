-- Move every identity sequence past the explicit ids used in data.sql,
-- so a plain INSERT without an id gets the next free number.
SELECT setval(pg_get_serial_sequence('customers', 'id'),  max(id)) FROM customers;
SELECT setval(pg_get_serial_sequence('accounts', 'id'),   max(id)) FROM accounts;
SELECT setval(pg_get_serial_sequence('transfers', 'id'),  max(id)) FROM transfers;
SELECT setval(pg_get_serial_sequence('categories', 'id'), max(id)) FROM categories;
SELECT setval(pg_get_serial_sequence('products', 'id'),   max(id)) FROM products;
SELECT setval(pg_get_serial_sequence('orders', 'id'),     max(id)) FROM orders;
SELECT setval(pg_get_serial_sequence('reviews', 'id'),    max(id)) FROM reviews;
SELECT setval(pg_get_serial_sequence('bookings', 'id'),   max(id)) FROM bookings;

-- Fresh statistics, so the planner's estimates match the data from the start.
-- Tables are named so that an ordinary owner does not trip over system catalogs
-- it may not analyze.
ANALYZE customers, accounts, transfers, categories, products, orders, order_items, reviews, rooms, bookings;
