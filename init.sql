-- The products schema. Idempotent: safe to run on an empty database and again on one already set up.

CREATE TABLE IF NOT EXISTS products (
    id             SERIAL PRIMARY KEY,
    name           VARCHAR(255)   NOT NULL,
    description    TEXT,
    price          DECIMAL(10, 2) NOT NULL CHECK (price >= 0),
    stock_quantity INTEGER        NOT NULL DEFAULT 0 CHECK (stock_quantity >= 0),
    version        INTEGER        NOT NULL DEFAULT 0,
    created_at     TIMESTAMPTZ    NOT NULL DEFAULT now(),
    updated_at     TIMESTAMPTZ    NOT NULL DEFAULT now(),
    created_by     TEXT,
    updated_by     TEXT
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

-- Idempotency-Key of POST /api/products: the caller, the key, the SHA-256 of the body it came with, and the
-- response to replay. A key is the caller's own: the same key from two callers is two keys. Written in the same
-- transaction as the product. Keys older than 24 hours are reclaimed and deleted.
CREATE TABLE IF NOT EXISTS idempotency_keys (
    caller          TEXT         NOT NULL DEFAULT '',
    idempotency_key VARCHAR(255) NOT NULL,
    fingerprint     CHAR(64)     NOT NULL,
    status          INTEGER,
    location        TEXT,
    etag            TEXT,
    body            TEXT,
    created_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CONSTRAINT idempotency_keys_per_caller PRIMARY KEY (caller, idempotency_key)
);
CREATE INDEX IF NOT EXISTS idempotency_keys_created_at ON idempotency_keys (created_at);

-- Orders: each takes the stock of all its lines in one transaction. A product that orders refer to cannot be
-- deleted (the foreign key refuses it).
CREATE TABLE IF NOT EXISTS orders (
    id         SERIAL PRIMARY KEY,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    created_by TEXT
);

CREATE TABLE IF NOT EXISTS order_items (
    order_id   INTEGER NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    product_id INTEGER NOT NULL REFERENCES products (id),
    quantity   INTEGER NOT NULL CHECK (quantity > 0),
    PRIMARY KEY (order_id, product_id)
);
CREATE INDEX IF NOT EXISTS order_items_product_id ON order_items (product_id);

-- Databases made by an earlier version of this script: who created and changed what (the bearer token's
-- issuer#subject, null where no token was needed), and idempotency keys per caller instead of global.
ALTER TABLE products ADD COLUMN IF NOT EXISTS created_by TEXT;
ALTER TABLE products ADD COLUMN IF NOT EXISTS updated_by TEXT;
ALTER TABLE orders ADD COLUMN IF NOT EXISTS created_by TEXT;
ALTER TABLE idempotency_keys ADD COLUMN IF NOT EXISTS caller TEXT NOT NULL DEFAULT '';
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_constraint WHERE conname = 'idempotency_keys_pkey') THEN
        ALTER TABLE idempotency_keys DROP CONSTRAINT idempotency_keys_pkey;
        ALTER TABLE idempotency_keys ADD CONSTRAINT idempotency_keys_per_caller PRIMARY KEY (caller, idempotency_key);
    END IF;
END
$$;

-- The change feed, a transactional outbox: one row per committed change to a product, written by the same
-- statement as the change (so a rolled-back write leaves none), with the product as it is after the change
-- (its columns null for a deletion, whose version is the deleted one plus one). seq is taken while the
-- product's row is locked; position is given after commit, in seq order, by one sequencer at a time, so that
-- readers never see a later position before an earlier one: io.concurrencydb.changes.control.FeedSequencer.
CREATE TABLE IF NOT EXISTS product_events (
    seq            BIGINT         GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    position       BIGINT,
    product_id     INTEGER        NOT NULL,
    kind           TEXT           NOT NULL,
    version        INTEGER        NOT NULL,
    caller         TEXT,
    occurred_at    TIMESTAMPTZ    NOT NULL DEFAULT now(),
    name           VARCHAR(255),
    description    TEXT,
    price          DECIMAL(10, 2),
    stock_quantity INTEGER,
    created_at     TIMESTAMPTZ,
    updated_at     TIMESTAMPTZ,
    created_by     TEXT,
    updated_by     TEXT
);
-- Two indexes beside the key, each written once per event: the unnumbered ones by seq (the event's insert adds
-- the entry, the sequencer's update none) and the numbered ones by position (the update adds the entry, the
-- insert none), which readers, the sequencer and pruning walk. Databases made by an earlier version of this
-- script indexed every position, numbered or not, and the time of every event: both cost each write an index
-- entry (pg_stat_statements: 13.1 WAL records per create with them), and pruning walks positions instead.
CREATE INDEX IF NOT EXISTS product_events_unsequenced ON product_events (seq) WHERE position IS NULL;
CREATE UNIQUE INDEX IF NOT EXISTS product_events_position ON product_events (position) WHERE position IS NOT NULL;
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_constraint WHERE conname = 'product_events_position_key') THEN
        ALTER TABLE product_events DROP CONSTRAINT product_events_position_key;
    END IF;
END
$$;
DROP INDEX IF EXISTS product_events_occurred_at;

-- The position up to which events were pruned for age: a reader asking to resume from before it has missed
-- events and must resynchronise from the collection (410). One row.
CREATE TABLE IF NOT EXISTS product_events_pruned (
    only_row BOOLEAN PRIMARY KEY DEFAULT true CHECK (only_row),
    position BIGINT  NOT NULL
);
INSERT INTO product_events_pruned (position) VALUES (0) ON CONFLICT DO NOTHING;

-- Lists at any size. Every sort a list offers is served by an index on (column, id), read forwards or
-- backwards; "name contains" by a trigram index (pg_trgm, shipped with PostgreSQL and trusted since 13, so the
-- database's owner may create it).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX IF NOT EXISTS products_name_id ON products (name, id);
CREATE INDEX IF NOT EXISTS products_price_id ON products (price, id);
CREATE INDEX IF NOT EXISTS products_updated_at_id ON products (updated_at, id);
CREATE INDEX IF NOT EXISTS products_name_trigrams ON products USING gin (name gin_trgm_ops);
-- in_stock=false: the few products out of stock, which no walk of a sort's index could find in bounded time
CREATE INDEX IF NOT EXISTS products_out_of_stock ON products (id) WHERE stock_quantity = 0;

-- The catalogue's size, kept exact at any size: every statement that inserts or deletes products adds its
-- count to one of 16 rows in the same transaction, and a list sums the 16 in the same statement that reads its
-- page. A write that rolls back takes its count with it, and one snapshot sees every committed write and its
-- count or neither. The row is one no other transaction holds, starting from the backend's own, so a writer
-- never waits for another's commit, which may be held for a synchronous standby; only when all 16 are held does
-- it wait for its own. An advisory lock picks the row: held in memory until the transaction ends, it costs no
-- WAL. (Picking it with SELECT ... FOR UPDATE SKIP LOCKED wrote the row twice, and a create cost the database
-- 1.56 times as much: pgbench, 16 clients, the service's create statement, 5,348 against 8,334 a second.)
CREATE OR REPLACE FUNCTION count_products() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    change BIGINT;
    mine CONSTANT INT := pg_backend_pid() % 16;
BEGIN
    IF TG_OP = 'TRUNCATE' THEN
        UPDATE product_counts SET n = 0;
        RETURN NULL;
    END IF;
    IF TG_OP = 'INSERT' THEN
        SELECT count(*) INTO change FROM inserted;
    ELSE
        SELECT -count(*) INTO change FROM deleted;
    END IF;
    FOR i IN 0..15 LOOP
        IF pg_try_advisory_xact_lock(hashtext('products.count'), (mine + i) % 16) THEN
            UPDATE product_counts SET n = n + change WHERE slot = (mine + i) % 16;
            RETURN NULL;
        END IF;
    END LOOP;
    UPDATE product_counts SET n = n + change WHERE slot = mine;
    RETURN NULL;
END
$$;

-- Made once, in one transaction with the triggers and the first count, products locked against writers
-- meanwhile, so that no write is counted twice or not at all.
DO $$
BEGIN
    IF to_regclass('product_counts') IS NULL THEN
        LOCK TABLE products IN SHARE ROW EXCLUSIVE MODE;
        CREATE TABLE product_counts (slot SMALLINT PRIMARY KEY, n BIGINT NOT NULL);
        INSERT INTO product_counts (slot, n) SELECT s, 0 FROM generate_series(0, 15) AS s;
        UPDATE product_counts SET n = (SELECT count(*) FROM products) WHERE slot = 0;
        CREATE TRIGGER products_counted_inserts AFTER INSERT ON products
            REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION count_products();
        CREATE TRIGGER products_counted_deletes AFTER DELETE ON products
            REFERENCING OLD TABLE AS deleted FOR EACH STATEMENT EXECUTE FUNCTION count_products();
        CREATE TRIGGER products_counted_truncates AFTER TRUNCATE ON products
            FOR EACH STATEMENT EXECUTE FUNCTION count_products();
    END IF;
END
$$;
