\set id random(1, :products)
SELECT id, name, description, price, stock_quantity, version, created_at, updated_at FROM products WHERE id = :id \gset p_
\set stock random(1, 1000)
WITH changed AS (
UPDATE products SET name = 'Bench', description = NULL, price = 9.99, stock_quantity = :stock,
       version = version + 1, updated_at = now()
WHERE id = :id AND (false OR version = ANY(ARRAY[:p_version]::bigint[]))
RETURNING id, name, description, price, stock_quantity, version, created_at, updated_at, created_by, updated_by),
recorded AS (
    INSERT INTO product_events (product_id, kind, version, caller, name, description, price, stock_quantity,
                                created_at, updated_at, created_by, updated_by)
    SELECT id, 'replaced', version, updated_by, name, description, price, stock_quantity,
           created_at, updated_at, created_by, updated_by FROM changed)
SELECT id, name, description, price, stock_quantity, version, created_at, updated_at FROM changed;
