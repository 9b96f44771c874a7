\set id random(1, :products)
\set delta random(0, 1) * 2 - 1
WITH changed AS (
UPDATE products SET stock_quantity = stock_quantity + :delta, version = version + 1, updated_at = now()
WHERE id = :id AND stock_quantity::bigint + :delta BETWEEN 0 AND 2147483647
RETURNING id, name, description, price, stock_quantity, version, created_at, updated_at, created_by, updated_by),
recorded AS (
    INSERT INTO product_events (product_id, kind, version, caller, name, description, price, stock_quantity,
                                created_at, updated_at, created_by, updated_by)
    SELECT id, 'stock-adjusted', version, updated_by, name, description, price, stock_quantity,
           created_at, updated_at, created_by, updated_by FROM changed)
SELECT id, name, description, price, stock_quantity, version, created_at, updated_at FROM changed;
