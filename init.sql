-- The products schema. Idempotent: safe to run on an empty database and again on one already set up.

CREATE TABLE IF NOT EXISTS products (
    id             SERIAL PRIMARY KEY,
    name           VARCHAR(255)   NOT NULL,
    description    TEXT,
    price          DECIMAL(10, 2) NOT NULL CHECK (price >= 0),
    stock_quantity INTEGER        NOT NULL DEFAULT 0 CHECK (stock_quantity >= 0),
    version        INTEGER        NOT NULL DEFAULT 0,
    created_at     TIMESTAMPTZ    NOT NULL DEFAULT now(),
    updated_at     TIMESTAMPTZ    NOT NULL DEFAULT now()
);

-- The original service's sample rows, added once, to an empty catalogue only.
INSERT INTO products (name, description, price, stock_quantity)
SELECT name, description, price, stock_quantity
FROM (VALUES
    ('Laptop',   'High-performance laptop for developers', 1299.99, 50),
    ('Mouse',    'Wireless ergonomic mouse',                 29.99, 200),
    ('Keyboard', 'Mechanical keyboard with RGB lighting',    89.99, 150),
    ('Monitor',  '27-inch 4K display',                      399.99, 75),
    ('Headphones', 'Noise-cancelling wireless headphones',  199.99, 100)
) AS sample (name, description, price, stock_quantity)
WHERE NOT EXISTS (SELECT 1 FROM products);

-- Idempotency-Key of POST /api/products: the key, the SHA-256 of the body it came with, and the response to
-- replay. Written in the same transaction as the product. Keys older than 24 hours are reclaimed and deleted.
CREATE TABLE IF NOT EXISTS idempotency_keys (
    idempotency_key VARCHAR(255) PRIMARY KEY,
    fingerprint     CHAR(64)     NOT NULL,
    status          INTEGER,
    location        TEXT,
    etag            TEXT,
    body            TEXT,
    created_at      TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS idempotency_keys_created_at ON idempotency_keys (created_at);

-- Orders: each takes the stock of all its lines in one transaction. A product that orders refer to cannot be
-- deleted (the foreign key refuses it).
CREATE TABLE IF NOT EXISTS orders (
    id         SERIAL PRIMARY KEY,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS order_items (
    order_id   INTEGER NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    product_id INTEGER NOT NULL REFERENCES products (id),
    quantity   INTEGER NOT NULL CHECK (quantity > 0),
    PRIMARY KEY (order_id, product_id)
);
CREATE INDEX IF NOT EXISTS order_items_product_id ON order_items (product_id);
