INSERT INTO products (name, description, price, stock_quantity) VALUES ('Bench', 'created by the benchmark', 9.99, 5)
RETURNING id, name, description, price, stock_quantity, version, created_at, updated_at;
