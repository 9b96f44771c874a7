\set id random(1, :products)
\set delta random(0, 1) * 2 - 1
UPDATE products SET stock_quantity = stock_quantity + :delta, version = version + 1, updated_at = now()
WHERE id = :id AND stock_quantity::bigint + :delta BETWEEN 0 AND 2147483647
RETURNING id, name, description, price, stock_quantity, version, created_at, updated_at;
