package io.concurrencydb.catalog.control;

import io.concurrencydb.catalog.entity.Product;
import io.concurrencydb.catalog.entity.ProductDraft;
import io.concurrencydb.catalog.entity.ProductPage;
import io.concurrencydb.platform.data.Sql;
import io.concurrencydb.platform.problem.EntityNotFoundException;
import io.concurrencydb.platform.problem.VersionConflictException;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** The catalogue's SQL, each method one container-managed JTA transaction. */
@Stateless
public class ProductService {

    private static final String INSERT = """
            INSERT INTO products (name, description, price, stock_quantity)
            VALUES (?, ?, ?, ?)
            RETURNING %s""".formatted(ProductRows.COLUMNS);

    private static final String SELECT_ONE = """
            SELECT %s FROM products WHERE id = ?""".formatted(ProductRows.COLUMNS);

    // One statement reads the page and the total from the same snapshot. The outer join keeps one row
    // (with a null id) when the page is empty, so the total is known for an offset past the end too.
    private static final String SELECT_PAGE = """
            SELECT (SELECT count(*) FROM products) AS total, page.*
            FROM (SELECT 1) AS one
            LEFT JOIN (SELECT %s FROM products ORDER BY id LIMIT ? OFFSET ?) AS page ON true
            ORDER BY page.id""".formatted(ProductRows.COLUMNS);

    // The version check and the write are one statement: no other transaction can slip in between.
    private static final String UPDATE = """
            UPDATE products
            SET name = ?, description = ?, price = ?, stock_quantity = ?,
                version = version + 1, updated_at = now()
            WHERE id = ? AND version = ?
            RETURNING %s""".formatted(ProductRows.COLUMNS);

    private static final String SELECT_VERSION = """
            SELECT version FROM products WHERE id = ?""";

    private static final String DELETE = """
            DELETE FROM products WHERE id = ?""";

    @Resource(name = Sql.DATA_SOURCE)
    DataSource dataSource;

    public Product create(ProductDraft draft) {
        try (Connection connection = Sql.connect(dataSource);
             PreparedStatement insert = connection.prepareStatement(INSERT)) {
            bindDraft(insert, draft);
            try (ResultSet row = insert.executeQuery()) {
                row.next();
                return ProductRows.map(row);
            }
        } catch (SQLException e) {
            throw Sql.failure(e);
        }
    }

    public Optional<Product> find(long id) {
        try (Connection connection = Sql.connect(dataSource);
             PreparedStatement select = connection.prepareStatement(SELECT_ONE)) {
            select.setLong(1, id);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(ProductRows.map(row)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw Sql.failure(e);
        }
    }

    public ProductPage list(int limit, long offset) {
        try (Connection connection = Sql.connect(dataSource);
             PreparedStatement select = connection.prepareStatement(SELECT_PAGE)) {
            select.setInt(1, limit);
            select.setLong(2, offset);
            List<Product> products = new ArrayList<>(limit);
            long total = 0;
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    total = rows.getLong("total");
                    if (rows.getObject("id") != null) {
                        products.add(ProductRows.map(rows));
                    }
                }
            }
            return new ProductPage(products, total);
        } catch (SQLException e) {
            throw Sql.failure(e);
        }
    }

    /** Replaces the product if it is still at {@code expectedVersion}; otherwise changes nothing. */
    public Product replace(long id, long expectedVersion, ProductDraft draft) {
        try (Connection connection = Sql.connect(dataSource);
             PreparedStatement update = connection.prepareStatement(UPDATE)) {
            bindDraft(update, draft);
            update.setLong(5, id);
            update.setLong(6, expectedVersion);
            try (ResultSet row = update.executeQuery()) {
                if (row.next()) {
                    return ProductRows.map(row);
                }
            }
            throw new VersionConflictException(expectedVersion, currentVersion(connection, id));
        } catch (SQLException e) {
            throw Sql.failure(e);
        }
    }

    public void delete(long id) {
        try (Connection connection = Sql.connect(dataSource);
             PreparedStatement delete = connection.prepareStatement(DELETE)) {
            delete.setLong(1, id);
            if (delete.executeUpdate() == 0) {
                throw notFound(id);
            }
        } catch (SQLException e) {
            throw Sql.failure(e);
        }
    }

    /** Tells a missing product (404) from a stale version, after an update matched no row. */
    private static long currentVersion(Connection connection, long id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(SELECT_VERSION)) {
            select.setLong(1, id);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw notFound(id);
                }
                return row.getLong(1);
            }
        }
    }

    private static void bindDraft(PreparedStatement statement, ProductDraft draft) throws SQLException {
        statement.setString(1, draft.name());
        if (draft.description() == null) {
            statement.setNull(2, Types.VARCHAR);
        } else {
            statement.setString(2, draft.description());
        }
        statement.setBigDecimal(3, draft.price());
        statement.setInt(4, draft.stockQuantity());
    }

    private static EntityNotFoundException notFound(long id) {
        return new EntityNotFoundException("product", id);
    }
}
