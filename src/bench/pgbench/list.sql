\set offset random(0, least(:products - 20, 10000))
SELECT (SELECT sum(n) FROM product_counts) AS total, page.*
FROM (SELECT 1) AS one
LEFT JOIN (SELECT id, name, description, price, stock_quantity, version, created_at, updated_at
           FROM products ORDER BY id LIMIT 21 OFFSET :offset) AS page ON true
ORDER BY page.id;
