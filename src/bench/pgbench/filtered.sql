\set digits random(0, 9999)
SELECT NULL::bigint AS total, page.*
FROM (SELECT 1) AS one
LEFT JOIN (SELECT id, name, description, price, stock_quantity, version, created_at, updated_at
           FROM products WHERE name ILIKE '%' || lpad(:digits::text, 4, '0') || '%' AND price >= 50
             AND stock_quantity > 0
           ORDER BY price DESC, id DESC LIMIT 21) AS page ON true
ORDER BY page.price DESC, page.id DESC;
