\set id 1
SELECT id, name, description, price, stock_quantity, version, created_at, updated_at FROM products WHERE id = :id \gset p_
\set stock random(1, 1000)
UPDATE products SET name = 'Bench', description = NULL, price = 9.99, stock_quantity = :stock,
       version = version + 1, updated_at = now()
WHERE id = :id AND (false OR version = ANY(ARRAY[:p_version]::bigint[]))
RETURNING id, name, description, price, stock_quantity, version, created_at, updated_at;
