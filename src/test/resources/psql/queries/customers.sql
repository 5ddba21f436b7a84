SELECT c.id, c.full_name, c.phone, a.balance, a.currency, c.country = 'FR' AS french
FROM customers c LEFT JOIN accounts a ON a.customer_id = c.id
WHERE c.id IN (3, 4, 12, 18)
ORDER BY c.id, a.id
