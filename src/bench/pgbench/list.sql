\set offset random(0, :products - 20)
SELECT (SELECT count(*) FROM products) AS total, page.*
FROM (SELECT 1) AS one
LEFT JOIN (SELECT id, name, description, price, stock_quantity, version, created_at, updated_at
           FROM products ORDER BY id LIMIT 20 OFFSET :offset) AS page ON true
ORDER BY page.id;
