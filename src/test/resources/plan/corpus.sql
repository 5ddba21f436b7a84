-- The corpus of the plan tests, on the practice dataset plus an index on bookings(customer_id).
--
-- A case starts with "-- case: <name>". Its statements end with ";" at the end of a line: all but
-- the last set the case up (they run in a transaction that is rolled back afterwards), the last is
-- the EXPLAIN, written as a learner would type it. "-- expect: <text>" names text that PostgreSQL's
-- own output must contain, so that a case which no longer produces the plan shape it is about fails.
-- Cases with "ANALYZE, TIMING OFF, SUMMARY OFF" are also run once more with timings (see the test).

-- case: seq scan with a filter
-- expect: Seq Scan on bookings
-- expect: Filter: (nights > 8)
EXPLAIN SELECT * FROM bookings WHERE nights > 8;

-- case: seq scan with a filter, analyzed
-- expect: Rows Removed by Filter: 49583
EXPLAIN (ANALYZE, TIMING OFF, SUMMARY OFF) SELECT id, starts_at FROM bookings WHERE room = '121';

-- case: index scan on the primary key
-- expect: Index Scan using bookings_pkey on bookings b
EXPLAIN (ANALYZE, TIMING OFF, SUMMARY OFF) SELECT * FROM bookings b WHERE b.id = 4242;

-- case: index scan on the new customer index, with a filter
-- expect: Index Scan using bookings_customer_id_idx on bookings
-- expect: Rows Removed by Filter
SET enable_bitmapscan = off;
EXPLAIN (ANALYZE, TIMING OFF, SUMMARY OFF) SELECT * FROM bookings WHERE customer_id = 42 AND nights > 4;

-- case: bitmap heap scan
-- expect: Bitmap Heap Scan on bookings
-- expect: Bitmap Index Scan on bookings_customer_id_idx
-- expect: Heap Blocks: exact=
EXPLAIN (ANALYZE, TIMING OFF, SUMMARY OFF) SELECT * FROM bookings WHERE customer_id BETWEEN 100 AND 120;

-- case: bitmap heap scan that runs out of work_mem
-- expect: lossy=
CREATE TABLE wide AS SELECT g AS id, g % 100 AS k, repeat('x', 200) AS pad FROM generate_series(1, 200000) g;
CREATE INDEX wide_k ON wide (k);
ANALYZE wide;
SET work_mem = '64kB';
SET enable_seqscan = off;
SET max_parallel_workers_per_gather = 0;
EXPLAIN (ANALYZE, TIMING OFF, SUMMARY OFF) SELECT count(*) FROM wide WHERE k < 50;

-- case: BitmapOr
-- expect: BitmapOr
EXPLAIN SELECT * FROM bookings WHERE customer_id = 7 OR id < 20;

-- case: index-only scan
-- expect: Index Only Scan using bookings_customer_id_idx on bookings
-- expect: Heap Fetches: 
SET enable_bitmapscan = off;
EXPLAIN (ANALYZE, TIMING OFF, SUMMARY OFF) SELECT customer_id FROM bookings WHERE customer_id BETWEEN 100 AND 110;

-- case: backward index scan under a limit
-- expect: Index Scan Backward using bookings_pkey on bookings
EXPLAIN (ANALYZE, TIMING OFF, SUMMARY OFF) SELECT * FROM bookings ORDER BY id DESC LIMIT 5;

-- case: nested loop
-- expect: Nested Loop
SET enable_hashjoin = off;
SET enable_mergejoin = off;
EXPLAIN (ANALYZE, TIMING OFF, SUMMARY OFF) SELECT c.full_name, o.status FROM orders o JOIN customers c ON c.id = o.customer_id WHERE o.status = 'paid';

-- case: nested loop whose inner side never runs
-- expect: (never executed)
SET enable_hashjoin = off;
SET enable_mergejoin = off;
EXPLAIN (ANALYZE, TIMING OFF, SUMMARY OFF) SELECT * FROM orders o JOIN customers c ON c.id = o.customer_id WHERE o.status = 'lost';

-- case: nested loop with a join filter
-- expect: Join Filter:
-- expect: Rows Removed by Join Filter
EXPLAIN (ANALYZE, TIMING OFF, SUMMARY OFF) SELECT a.id, b.id FROM accounts a JOIN accounts b ON a.balance < b.balance;

-- case: hash join over three tables
-- expect: Hash Join
-- expect: Hash Cond:
-- expect: Buckets:
EXPLAIN (ANALYZE, TIMING OFF, SUMMARY OFF) SELECT p.category, sum(i.quantity * i.unit_price) FROM orders o JOIN order_items i ON i.order_id = o.id JOIN products p ON p.id = i.product_id WHERE o.status <> 'cancelled' GROUP BY p.category;

-- case: hash join that grows its batches
-- The planner cannot estimate "nights + 0 = nights", guesses few rows, and the hash table has to grow.
-- expect: (originally
SET work_mem = '64kB';
SET enable_mergejoin = off;
SET enable_nestloop = off;
EXPLAIN (ANALYZE, TIMING OFF, SUMMARY OFF) SELECT count(*) FROM bookings a JOIN (SELECT * FROM bookings WHERE nights + 0 = nights) b ON b.id = a.id;

-- case: merge join
-- expect: Merge Join
-- expect: Merge Cond:
SET enable_hashjoin = off;
SET enable_nestloop = off;
EXPLAIN (ANALYZE, TIMING OFF, SUMMARY OFF) SELECT c.email, a.balance FROM customers c JOIN accounts a ON a.customer_id = c.id;

-- case: left join, turned around
-- expect: Hash Right Join
EXPLAIN SELECT c.full_name, a.currency FROM customers c LEFT JOIN accounts a ON a.customer_id = c.id;

-- case: semi join from EXISTS
-- expect: Hash Semi Join
EXPLAIN (ANALYZE, TIMING OFF, SUMMARY OFF) SELECT * FROM customers c WHERE EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = c.id AND o.status = 'shipped');

-- case: merge semi join
-- expect: Merge Semi Join
EXPLAIN (ANALYZE, TIMING OFF, SUMMARY OFF) SELECT * FROM customers c WHERE EXISTS (SELECT 1 FROM bookings b WHERE b.customer_id = c.id);

-- case: anti join from NOT EXISTS
-- expect: Anti Join
EXPLAIN (ANALYZE, TIMING OFF, SUMMARY OFF) SELECT * FROM customers c WHERE NOT EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = c.id);

-- case: correlated subquery
-- expect: SubPlan 1
EXPLAIN (ANALYZE, TIMING OFF, SUMMARY OFF) SELECT c.full_name, (SELECT count(*) FROM orders o WHERE o.customer_id = c.id) AS orders FROM customers c;

-- case: uncorrelated subquery
-- expect: InitPlan 1
EXPLAIN (ANALYZE, TIMING OFF, SUMMARY OFF) SELECT id FROM bookings WHERE starts_at = (SELECT max(starts_at) FROM bookings);

-- case: materialized CTE
-- expect: CTE big_spenders
-- expect: CTE Scan on big_spenders
EXPLAIN (ANALYZE, TIMING OFF, SUMMARY OFF) WITH big_spenders AS MATERIALIZED (SELECT customer_id, sum(balance) AS total FROM accounts GROUP BY customer_id) SELECT c.full_name, b.total FROM big_spenders b JOIN customers c ON c.id = b.customer_id WHERE b.total > 1000;

-- case: recursive CTE
-- expect: Recursive Union
-- expect: WorkTable Scan on dates
EXPLAIN (ANALYZE, TIMING OFF, SUMMARY OFF) WITH RECURSIVE dates(d) AS (SELECT date '2024-01-01' UNION ALL SELECT d + 1 FROM dates WHERE d < date '2024-01-31') SELECT count(*) FROM dates;

-- case: hash aggregate
-- expect: HashAggregate
-- expect: Group Key: customer_id
EXPLAIN (ANALYZE, TIMING OFF, SUMMARY OFF) SELECT customer_id, count(*) FROM bookings GROUP BY customer_id HAVING count(*) > 10;

-- case: hash aggregate that spills to disk, with buffers
-- expect: Planned Partitions:
-- expect: Disk Usage:
-- expect: temp read=
SET work_mem = '64kB';
SET enable_sort = off;
EXPLAIN (ANALYZE, BUFFERS, TIMING OFF, SUMMARY OFF) SELECT room, starts_at, count(*) FROM bookings GROUP BY room, starts_at;

-- case: group aggregate
-- expect: GroupAggregate
SET enable_hashagg = off;
EXPLAIN (ANALYZE, TIMING OFF, SUMMARY OFF) SELECT status, count(*) FROM orders GROUP BY status;

-- case: grouping sets
-- expect: MixedAggregate
-- expect: Group Key: ()
EXPLAIN SELECT country, phone IS NULL, count(*) FROM customers GROUP BY ROLLUP (country, phone IS NULL);

-- case: grouping sets sorted in a chain
-- expect: Sort Key:
SET enable_hashagg = off;
EXPLAIN (ANALYZE, TIMING OFF, SUMMARY OFF) SELECT country, status, count(*) FROM customers c JOIN orders o ON o.customer_id = c.id GROUP BY GROUPING SETS ((country), (status));

-- case: sort with a limit (top-N heapsort)
-- expect: top-N heapsort
EXPLAIN (ANALYZE, TIMING OFF, SUMMARY OFF) SELECT * FROM bookings ORDER BY starts_at DESC, id LIMIT 10;

-- case: sort on disk
-- expect: external merge
SET work_mem = '64kB';
EXPLAIN (ANALYZE, TIMING OFF, SUMMARY OFF) SELECT * FROM bookings ORDER BY created_at;

-- case: incremental sort
-- expect: Incremental Sort
-- expect: Presorted Key: customer_id
-- expect: Full-sort Groups:
EXPLAIN (ANALYZE, TIMING OFF, SUMMARY OFF) SELECT * FROM bookings ORDER BY customer_id, starts_at LIMIT 50;

-- case: window function
-- expect: WindowAgg
EXPLAIN (ANALYZE, TIMING OFF, SUMMARY OFF) SELECT id, customer_id, row_number() OVER (PARTITION BY customer_id ORDER BY starts_at) FROM bookings WHERE customer_id < 50;

-- case: union
-- expect: Append
EXPLAIN (ANALYZE, TIMING OFF, SUMMARY OFF) SELECT email FROM customers UNION SELECT name FROM products;

-- case: union all
-- expect: Append
EXPLAIN SELECT id FROM customers UNION ALL SELECT id FROM products UNION ALL SELECT id FROM orders;

-- case: intersect and except
-- expect: SetOp
EXPLAIN (ANALYZE, TIMING OFF, SUMMARY OFF) SELECT customer_id FROM orders INTERSECT SELECT customer_id FROM accounts EXCEPT SELECT id FROM customers WHERE country = 'FR';

-- case: distinct
-- expect: Unique
SET enable_hashagg = off;
EXPLAIN (ANALYZE, TIMING OFF, SUMMARY OFF) SELECT DISTINCT country FROM customers;

-- case: subquery scan with a filter
-- expect: Subquery Scan on per_customer
EXPLAIN (ANALYZE, TIMING OFF, SUMMARY OFF) SELECT * FROM (SELECT customer_id, count(*) AS n FROM bookings GROUP BY customer_id OFFSET 0) per_customer WHERE n > 12;

-- case: values, function scan, and a result with a one-time filter
-- expect: Values Scan on "*VALUES*"
-- expect: Function Scan on generate_series g
EXPLAIN (ANALYZE, TIMING OFF, SUMMARY OFF) SELECT * FROM (VALUES (1, 'a'), (2, 'b')) v(n, s) JOIN generate_series(1, 10) g ON g = v.n;

-- case: one-time filter
-- expect: One-Time Filter:
EXPLAIN SELECT * FROM customers WHERE now() < timestamptz '2000-01-01';

-- case: set-returning function in the select list
-- expect: ProjectSet
EXPLAIN (ANALYZE, TIMING OFF, SUMMARY OFF) SELECT id, generate_series(1, 3) FROM customers;

-- case: row locks
-- expect: LockRows
EXPLAIN (ANALYZE, TIMING OFF, SUMMARY OFF) SELECT * FROM accounts WHERE customer_id = 1 FOR UPDATE;

-- case: table sample
-- expect: Sampling: system
EXPLAIN SELECT * FROM bookings TABLESAMPLE SYSTEM (1) REPEATABLE (42);

-- case: memoize
-- expect: Memoize
-- expect: Cache Key:
-- expect: Hits:
SET enable_hashjoin = off;
SET enable_mergejoin = off;
SET enable_bitmapscan = off;
EXPLAIN (ANALYZE, TIMING OFF, SUMMARY OFF) SELECT o.id, b.id FROM orders o JOIN bookings b ON b.customer_id = o.customer_id;

-- case: parallel aggregate
-- expect: Gather
-- expect: Parallel Seq Scan on bookings
-- expect: Workers Launched:
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
-- Without the leader, each worker runs its partial aggregate once, even one that found no rows:
-- the counts are the same each run however the blocks were shared out.
SET parallel_leader_participation = off;
EXPLAIN (ANALYZE, TIMING OFF, SUMMARY OFF) SELECT count(*) FROM bookings WHERE room <> '121';

-- case: parallel sort under gather merge
-- How many rows each worker sorts, and so its sort memory, changes from run to run: plan only.
-- expect: Gather Merge
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
EXPLAIN SELECT * FROM bookings WHERE nights = 3 ORDER BY created_at;

-- case: parallel plan with each worker's details
-- A single-copy Gather runs the whole plan in one worker, so the worker's numbers are the same each run.
-- expect: Single Copy: true
-- expect: Worker 0:  actual rows=
-- expect:           Sort Method: quicksort
SET debug_parallel_query = on;
EXPLAIN (ANALYZE, VERBOSE, BUFFERS, TIMING OFF, SUMMARY OFF) SELECT room, count(*) FROM bookings WHERE nights = 3 GROUP BY room ORDER BY room;

-- case: parallel plan with a worker's sort
-- expect: Worker 0:  Sort Method:
SET debug_parallel_query = on;
EXPLAIN (ANALYZE, TIMING OFF, SUMMARY OFF) SELECT * FROM customers ORDER BY email;

-- case: parallel plan, not run
-- expect: Workers Planned: 2
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
EXPLAIN VERBOSE SELECT count(*) FROM bookings b WHERE nights > 3;

-- case: update in a transaction
-- expect: Update on bookings
EXPLAIN (ANALYZE, TIMING OFF, SUMMARY OFF) UPDATE bookings SET nights = nights + 1 WHERE id BETWEEN 100 AND 109;

-- case: insert checked by a foreign key trigger
-- expect: Insert on orders
-- expect: Trigger for constraint orders_customer_id_fkey
EXPLAIN (ANALYZE, TIMING OFF, SUMMARY OFF) INSERT INTO orders (customer_id, status, ordered_at) VALUES (3, 'pending', timestamptz '2025-01-01');

-- case: insert with verbose trigger names
-- expect: Trigger RI_ConstraintTrigger_
EXPLAIN (ANALYZE, VERBOSE, TIMING OFF, SUMMARY OFF) INSERT INTO order_items VALUES (1, 19, 1, 9.99);

-- case: delete
-- expect: Delete on bookings
EXPLAIN (ANALYZE, TIMING OFF, SUMMARY OFF) DELETE FROM bookings WHERE id < 100;

-- case: insert on conflict do nothing
-- expect: Conflict Resolution: NOTHING
-- expect: Conflicting Tuples: 1
EXPLAIN (ANALYZE, TIMING OFF, SUMMARY OFF) INSERT INTO products (id, name, category, price) OVERRIDING SYSTEM VALUE VALUES (1, 'x', 'y', 1) ON CONFLICT (id) DO NOTHING;

-- case: insert on conflict do update
-- expect: Conflict Filter:
EXPLAIN (ANALYZE, TIMING OFF, SUMMARY OFF) INSERT INTO products (id, name, category, price) OVERRIDING SYSTEM VALUE VALUES (2, 'y', 'z', 2) ON CONFLICT (id) DO UPDATE SET price = excluded.price WHERE products.price > 1000000;

-- case: merge
-- expect: Merge on accounts
-- expect: Tuples: 
EXPLAIN (ANALYZE, TIMING OFF, SUMMARY OFF) MERGE INTO accounts a USING (VALUES (1, 5.00), (999, 1.00)) AS v(id, amount) ON a.id = v.id WHEN MATCHED THEN UPDATE SET balance = a.balance + v.amount WHEN NOT MATCHED THEN DO NOTHING;

-- case: update with WAL counters
-- expect: WAL: records=
EXPLAIN (ANALYZE, WAL, TIMING OFF, SUMMARY OFF) UPDATE customers SET phone = NULL WHERE id = 4;

-- case: partition pruning at executor start-up
-- expect: Subplans Removed: 2
CREATE TABLE stays (night date NOT NULL, guest int) PARTITION BY RANGE (night);
CREATE TABLE stays_2023 PARTITION OF stays FOR VALUES FROM ('2023-01-01') TO ('2024-01-01');
CREATE TABLE stays_2024 PARTITION OF stays FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE stays_2025 PARTITION OF stays FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
EXPLAIN (ANALYZE, TIMING OFF, SUMMARY OFF) SELECT * FROM stays WHERE night = current_date - (current_date - date '2024-06-01');

-- case: names that need quotes
-- expect: "Order Lines"
CREATE TABLE "Order Lines" ("Line" int PRIMARY KEY, "desc" text);
CREATE INDEX "Lines by desc" ON "Order Lines" ("desc");
SET enable_seqscan = off;
EXPLAIN SELECT * FROM "Order Lines" "select" WHERE "desc" = 'x';

-- case: verbose
-- expect: Output:
-- expect: Inner Unique: true
EXPLAIN VERBOSE SELECT c.full_name, count(*) FROM customers c JOIN orders o ON o.customer_id = c.id GROUP BY c.full_name;

-- case: analyze verbose in the keyword form
-- expect: Seq Scan on public.accounts
explain analyze verbose select * from accounts where currency = 'EUR';

-- case: costs off
-- expect: Hash Join
EXPLAIN (COSTS OFF) SELECT p.name FROM products p JOIN order_items i ON i.product_id = p.id WHERE i.quantity > 2;

-- case: costs off, analyzed
-- expect: (actual rows=
EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) SELECT p.name FROM products p JOIN order_items i ON i.product_id = p.id WHERE i.quantity > 2;

-- case: buffers
-- expect: Buffers: shared hit=
EXPLAIN (ANALYZE, BUFFERS, TIMING OFF, SUMMARY OFF) SELECT * FROM bookings WHERE customer_id = 99;

-- case: buffers and planning
-- expect: Planning:
EXPLAIN (BUFFERS, SUMMARY) SELECT * FROM bookings WHERE customer_id > 4990;

-- case: settings
-- expect: Settings: 
SET work_mem = '8MB';
SET enable_seqscan = off;
EXPLAIN (SETTINGS) SELECT * FROM bookings WHERE nights = 2;

-- case: serialize
-- expect: Serialization: output=
EXPLAIN (ANALYZE, SERIALIZE, TIMING OFF, SUMMARY OFF) SELECT * FROM customers;

-- case: planner memory
-- expect: Memory: used=
EXPLAIN (MEMORY) SELECT * FROM orders WHERE id = 5;

-- case: options in lower case with values
-- expect: Seq Scan on products
explain (analyze true, costs on, timing false, summary off, format text) select * from products where price > 20;

-- case: a rule that adds a second statement
-- expect: Insert on product_log
CREATE TABLE product_log (name text);
CREATE RULE keep_log AS ON INSERT TO products DO ALSO INSERT INTO product_log VALUES (NEW.name);
EXPLAIN (ANALYZE, TIMING OFF, SUMMARY OFF) INSERT INTO products (name, category, price) VALUES ('Lamp', 'home', 20);

-- case: a rule that rewrites to nothing
-- expect: Query rewrites to nothing
CREATE TABLE product_log (name text);
CREATE RULE ignore_it AS ON DELETE TO product_log DO INSTEAD NOTHING;
EXPLAIN DELETE FROM product_log;

-- case: a rule that rewrites to a notification
-- expect: NOTIFY
CREATE TABLE product_log (name text);
CREATE RULE shout AS ON UPDATE TO product_log DO INSTEAD NOTIFY product_log;
EXPLAIN UPDATE product_log SET name = 'x';

-- case: query identifier
-- expect: Query Identifier:
SET compute_query_id = on;
EXPLAIN VERBOSE SELECT count(*) FROM orders WHERE status = 'paid';

-- case: create table as
-- expect: Seq Scan on orders
EXPLAIN (ANALYZE, TIMING OFF, SUMMARY OFF) CREATE TABLE order_copy AS SELECT * FROM orders;

-- case: create table as, for a table that exists already (PostgreSQL prints no line at all)
EXPLAIN CREATE TABLE IF NOT EXISTS orders AS SELECT 1;

-- case: update of a partitioned table, one target line per partition
-- expect: Update on public.stays_2024 stays_1
CREATE TABLE stays (night date NOT NULL, guest int) PARTITION BY RANGE (night);
CREATE TABLE stays_2024 PARTITION OF stays FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE stays_2025 PARTITION OF stays FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
INSERT INTO stays SELECT date '2024-01-01' + g, g FROM generate_series(0, 700) g;
EXPLAIN (ANALYZE, VERBOSE, TIMING OFF, SUMMARY OFF) UPDATE stays SET guest = guest + 1 WHERE night > date '2024-12-25';

-- case: verbose function and values scans
-- expect: Function Call: generate_series(1, 10)
EXPLAIN VERBOSE SELECT * FROM (VALUES (1, 'a'), (2, 'b')) v(n, s) JOIN generate_series(1, 10) g ON g = v.n;

-- case: buffers with I/O timing on, on a warm cache (FORMAT JSON then lists zero timings that text leaves out)
-- expect: Buffers: shared hit=
SET track_io_timing = on;
EXPLAIN (ANALYZE, BUFFERS, TIMING OFF, SUMMARY OFF) SELECT count(*) FROM orders o JOIN customers c ON c.id = o.customer_id;
