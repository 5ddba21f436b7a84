-- Fresh statistics, so the planner's estimates match the rows from the start.
ANALYZE raw_customers, raw_orders, raw_products, products;
