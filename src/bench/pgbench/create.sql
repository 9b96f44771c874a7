WITH changed AS (
INSERT INTO products (name, description, price, stock_quantity) VALUES ('Bench', 'created by the benchmark', 9.99, 5)
RETURNING id, name, description, price, stock_quantity, version, created_at, updated_at, created_by, updated_by),
recorded AS (
    INSERT INTO product_events (product_id, kind, version, caller, name, description, price, stock_quantity,
                                created_at, updated_at, created_by, updated_by)
    SELECT id, 'created', version, updated_by, name, description, price, stock_quantity,
           created_at, updated_at, created_by, updated_by FROM changed)
SELECT id, name, description, price, stock_quantity, version, created_at, updated_at FROM changed;
