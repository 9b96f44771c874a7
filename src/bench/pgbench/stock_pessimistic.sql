\set id random(1, :products)
\set delta random(0, 1) * 2 - 1
BEGIN;
SET LOCAL lock_timeout = '2s';
SELECT id, name, description, price, stock_quantity, version, created_at, updated_at FROM products WHERE id = :id FOR UPDATE \gset p_
UPDATE products SET stock_quantity = GREATEST(:p_stock_quantity::int + :delta::int, 0), version = version + 1, updated_at = now()
WHERE id = :id
RETURNING id, name, description, price, stock_quantity, version, created_at, updated_at;
COMMIT;
