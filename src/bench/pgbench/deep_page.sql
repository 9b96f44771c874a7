\set after random(1, :products - 20)
SELECT (SELECT sum(n) FROM product_counts) AS total, page.*
FROM (SELECT 1) AS one
LEFT JOIN (SELECT id, name, description, price, stock_quantity, version, created_at, updated_at
           FROM products WHERE id > :after ORDER BY id LIMIT 21) AS page ON true
ORDER BY page.id;
