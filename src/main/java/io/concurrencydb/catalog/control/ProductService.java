package io.concurrencydb.catalog.control;

import io.concurrencydb.catalog.entity.ChangeKind;
import io.concurrencydb.catalog.entity.ExpectedVersion;
import io.concurrencydb.catalog.entity.Product;
import io.concurrencydb.catalog.entity.ProductDraft;
import io.concurrencydb.catalog.entity.ProductInUseException;
import io.concurrencydb.catalog.entity.ProductPage;
import io.concurrencydb.catalog.entity.ProductQuery;
import io.concurrencydb.platform.data.Sql;
import io.concurrencydb.platform.idempotency.IdempotencyKey;
import io.concurrencydb.platform.idempotency.IdempotencyStore;
import io.concurrencydb.platform.idempotency.StoredResponse;
import io.concurrencydb.platform.replication.CommitGuard;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;

/**
 * The catalogue's SQL: a write is one statement (in autocommit) or one container-managed JTA transaction, a
 * read one statement. Every write borrows its connection from CommitGuard, which bounds its commit.
 */
@Stateless
public class ProductService {

    // Every write records its change-feed event in the same statement (Outbox)
    private static final String INSERT = Outbox.recording(ChangeKind.CREATED, """
            INSERT INTO products (name, description, price, stock_quantity, created_by, updated_by)
            VALUES (?, ?, ?, ?, ?, ?)
            RETURNING %s""".formatted(ProductRows.COLUMNS));

    // The version check and the write are one statement: no other transaction can slip in between.
    // The expected versions are a list, as If-Match may name several; "any" stands for If-Match: *.
    private static final String UPDATE = """
            UPDATE products
            SET name = ?, description = ?, price = ?, stock_quantity = ?,
                version = version + 1, updated_at = now(), updated_by = ?
            WHERE id = ? AND (? OR version = ANY(?))
            RETURNING %s""".formatted(ProductRows.COLUMNS);

    private static final String REPLACE = Outbox.recording(ChangeKind.REPLACED, UPDATE);

    private static final String PATCH = Outbox.recording(ChangeKind.PATCHED, UPDATE);

    private static final String DELETE = Outbox.recordingDeletion("""
            DELETE FROM products WHERE id = ? AND (? OR version = ANY(?))
            RETURNING id, version""");

    @Resource(name = Sql.DATA_SOURCE)
    DataSource dataSource;

    @EJB
    IdempotencyStore idempotency;

    @EJB
    ProductSearch search;

    @Inject
    CommitGuard commits;

    /**
     * Creates the product; {@code caller} is recorded as its creator and last writer (null: no token). One
     * statement, the product's event included (Outbox), so it needs no container transaction of its own: in
     * autocommit it saves the COMMIT round trip. Called by createOnce, it runs in that method's transaction.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Product create(ProductDraft draft, String caller) {
        try (Connection connection = commits.connect(dataSource);
             PreparedStatement insert = commits.prepare(connection, INSERT)) {
            bindDraft(insert, draft);
            insert.setString(5, caller);
            insert.setString(6, caller);
            try (ResultSet row = insert.executeQuery()) {
                row.next();
                commits.confirm(insert);
                return ProductRows.map(row);
            }
        } catch (SQLException e) {
            throw Sql.failure(e);
        }
    }

    /**
     * Creates the product once per idempotency key of this caller: the key, the product and the response
     * {@code render} makes of it commit together. A repeated key gets the stored response and creates nothing.
     */
    public Creation createOnce(IdempotencyKey key, ProductDraft draft, String caller,
                               Function<Product, StoredResponse> render) {
        Optional<StoredResponse> earlier = idempotency.claim(caller, key);
        if (earlier.isPresent()) {
            return new Creation(earlier.get(), true);
        }
        StoredResponse response = render.apply(create(draft, caller));
        idempotency.record(caller, key, response);
        return new Creation(response, false);
    }

    /** The response of an idempotent create, and whether it replays an earlier one. */
    public record Creation(StoredResponse response, boolean replayed) {
    }

    // One statement sees one snapshot by itself; outside a transaction it runs in autocommit, without the
    // COMMIT round trip a container transaction adds.
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<Product> find(long id) {
        try (Connection connection = Sql.connect(dataSource)) {
            return ProductRows.select(connection, id, false);
        } catch (SQLException e) {
            throw Sql.failure(e);
        }
    }

    /**
     * A page of the catalogue as {@code query} asks, with the total, in one statement (ProductListing); a filtered
     * page by ProductSearch, which bounds what it costs.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public ProductPage list(ProductQuery query) {
        if (!query.filter().none()) {
            return search.list(query);
        }
        // Planned with its values each time without asking: a generic plan cannot know the LIMIT, so PostgreSQL
        // costs it above the custom ones and keeps those (EXPLAIN EXECUTE after eight runs showed the values).
        ProductListing listing = new ProductListing(query);
        try (Connection connection = Sql.connect(dataSource)) {
            return listing.read(connection, listing.walk());
        } catch (SQLException e) {
            throw Sql.failure(e);
        }
    }

    /**
     * Replaces the product if its version is one {@code expected} allows; otherwise changes nothing. The write is
     * one statement (SUPPORTS, as create); the read after a refused write only says why, and under READ
     * COMMITTED it would see a newer snapshot inside a transaction too.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Product replace(long id, ExpectedVersion expected, ProductDraft draft, String caller) {
        try (Connection connection = commits.connect(dataSource)) {
            Optional<Product> replaced = update(connection, REPLACE, id, expected, draft, caller);
            return replaced.isPresent() ? replaced.get()
                    : expected.alreadyApplied(ProductRows.find(connection, id, false), draft);
        } catch (SQLException e) {
            throw Sql.failure(e);
        }
    }

    /**
     * Applies {@code change} to the product as stored, if its version is one {@code expected} allows. The row
     * stays locked from the read to the write, so the version the change was computed on is the one replaced.
     */
    public Product patch(long id, ExpectedVersion expected, UnaryOperator<ProductDraft> change, String caller) {
        try (Connection connection = commits.connect(dataSource)) {
            Product current = ProductRows.find(connection, id, true);
            ProductDraft changed = change.apply(current.draft());
            if (!expected.matches(current.version())) {
                return expected.alreadyApplied(current, changed);
            }
            return update(connection, PATCH, id, ExpectedVersion.exactly(current.version()), changed, caller)
                    .orElseThrow();
        } catch (SQLException e) {
            throw Sql.failure(e);
        }
    }

    /** Deletes the product; with {@code expected}, only if its version is one that allows. One statement, as replace. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public void delete(long id, Optional<ExpectedVersion> expected, String caller) {
        ExpectedVersion condition = expected.orElse(ExpectedVersion.ANY);
        try (Connection connection = commits.connect(dataSource);
             PreparedStatement delete = commits.prepare(connection, DELETE)) {
            delete.setLong(1, id);
            bindExpected(connection, delete, 2, condition);
            delete.setString(4, caller);
            if (delete.executeUpdate() == 0) {
                throw condition.mismatch(ProductRows.find(connection, id, false).version());
            }
            commits.confirm(delete);
        } catch (SQLException e) {
            if (Sql.FOREIGN_KEY_VIOLATION.equals(e.getSQLState())) {
                throw new ProductInUseException(id);
            }
            throw Sql.failure(e);
        }
    }

    private Optional<Product> update(Connection connection, String sql, long id, ExpectedVersion expected,
                                     ProductDraft draft, String caller) throws SQLException {
        try (PreparedStatement update = commits.prepare(connection, sql)) {
            bindDraft(update, draft);
            update.setString(5, caller);
            update.setLong(6, id);
            bindExpected(connection, update, 7, expected);
            try (ResultSet row = update.executeQuery()) {
                commits.confirm(update);
                return row.next() ? Optional.of(ProductRows.map(row)) : Optional.empty();
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

    private static void bindExpected(Connection connection, PreparedStatement statement, int index,
                                     ExpectedVersion expected) throws SQLException {
        statement.setBoolean(index, expected.any());
        statement.setArray(index + 1, connection.createArrayOf("bigint", expected.asArray()));
    }
}
