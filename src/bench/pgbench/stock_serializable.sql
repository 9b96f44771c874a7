\set id random(1, :products)
\set delta random(0, 1) * 2 - 1
BEGIN ISOLATION LEVEL SERIALIZABLE;
SELECT id, name, description, price, stock_quantity, version, created_at, updated_at FROM products WHERE id = :id \gset p_
WITH changed AS (
UPDATE products SET stock_quantity = GREATEST(:p_stock_quantity::int + :delta::int, 0), version = version + 1, updated_at = now()
WHERE id = :id
RETURNING id, name, description, price, stock_quantity, version, created_at, updated_at, created_by, updated_by),
recorded AS (
    INSERT INTO product_events (product_id, kind, version, caller, name, description, price, stock_quantity,
                                created_at, updated_at, created_by, updated_by)
    SELECT id, 'stock-adjusted', version, updated_by, name, description, price, stock_quantity,
           created_at, updated_at, created_by, updated_by FROM changed)
SELECT id, name, description, price, stock_quantity, version, created_at, updated_at FROM changed;
COMMIT;
