package io.concurrencydb.stock.control;

import io.concurrencydb.catalog.control.Outbox;
import io.concurrencydb.catalog.control.ProductRows;
import io.concurrencydb.catalog.entity.ChangeKind;
import io.concurrencydb.catalog.entity.Product;
import io.concurrencydb.platform.data.Sql;
import io.concurrencydb.platform.replication.CommitGuard;
import io.concurrencydb.stock.entity.StockRange;
import io.concurrencydb.stock.entity.WriteConflictException;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * One attempt at a stock adjustment per strategy, each in a transaction of its own (REQUIRES_NEW), so that a
 * retry in {@link StockAdjustments} starts over with a fresh transaction, never a statement inside a doomed one.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class StockTransactions {

    static final String LOCK_TIMEOUT = "2s";

    // The range check is in the WHERE, so the stock never leaves 0..2147483647 and no read comes first.
    private static final String ADD_IF_IN_RANGE = Outbox.recording(ChangeKind.STOCK_ADJUSTED, """
            UPDATE products
            SET stock_quantity = stock_quantity + ?, version = version + 1, updated_at = now(), updated_by = ?
            WHERE id = ? AND stock_quantity::bigint + ? BETWEEN 0 AND 2147483647
            RETURNING %s""".formatted(ProductRows.COLUMNS));

    private static final String SET_IF_VERSION = Outbox.recording(ChangeKind.STOCK_ADJUSTED, """
            UPDATE products
            SET stock_quantity = ?, version = version + 1, updated_at = now(), updated_by = ?
            WHERE id = ? AND version = ?
            RETURNING %s""".formatted(ProductRows.COLUMNS));

    private static final String SET = Outbox.recording(ChangeKind.STOCK_ADJUSTED, """
            UPDATE products
            SET stock_quantity = ?, version = version + 1, updated_at = now(), updated_by = ?
            WHERE id = ?
            RETURNING %s""".formatted(ProductRows.COLUMNS));

    @Resource(name = Sql.DATA_SOURCE)
    DataSource dataSource;

    @Inject
    CommitGuard commits;

    @Resource
    TransactionSynchronizationRegistry transactions;

    public Product atomic(long id, int delta, String caller) {
        try (Connection connection = commits.connect(dataSource);
             PreparedStatement update = connection.prepareStatement(ADD_IF_IN_RANGE)) {
            update.setInt(1, delta);
            update.setString(2, caller);
            update.setLong(3, id);
            update.setInt(4, delta);
            while (true) {
                try (ResultSet row = update.executeQuery()) {
                    if (row.next()) {
                        return ProductRows.map(row);
                    }
                }
                // Nothing matched: say why from the row as it is now. Each statement sees the latest committed
                // row, so if another writer has made room in between, the UPDATE simply runs again.
                StockRange.adjusted(ProductRows.find(connection, id, false), delta);
            }
        } catch (SQLException e) {
            throw Sql.failure(e);
        }
    }

    public Product optimistic(long id, int delta, String caller) {
        try (Connection connection = commits.connect(dataSource)) {
            Product current = ProductRows.find(connection, id, false);
            return write(connection, SET_IF_VERSION, id, StockRange.adjusted(current, delta), caller, current.version())
                    .orElseThrow(WriteConflictException::new);
        } catch (SQLException e) {
            throw Sql.failure(e);
        }
    }

    public Product pessimistic(long id, int delta, String caller) {
        try (Connection connection = commits.connect(dataSource)) {
            execute(connection, "SET LOCAL lock_timeout = '" + LOCK_TIMEOUT + "'");
            Product current = ProductRows.find(connection, id, true);
            return write(connection, SET, id, StockRange.adjusted(current, delta), caller, null).orElseThrow();
        } catch (SQLException e) {
            // a lock wait past LOCK_TIMEOUT (SQLSTATE 55P03) becomes a 503 contention problem in Sql.failure
            throw Sql.failure(e);
        }
    }

    /**
     * PostgreSQL may refuse a serializable transaction at commit, which Payara reports without the SQLSTATE; the
     * outcome the transaction manager gives {@code completed} tells the caller whether it was rolled back.
     */
    public Product serializable(long id, int delta, String caller, AtomicInteger completed) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                completed.set(status);
            }
        });
        try (Connection connection = commits.connect(dataSource)) {
            // must be the transaction's first statement
            execute(connection, "SET TRANSACTION ISOLATION LEVEL SERIALIZABLE");
            Product current = ProductRows.find(connection, id, false);
            return write(connection, SET, id, StockRange.adjusted(current, delta), caller, null).orElseThrow();
        } catch (SQLException e) {
            // 25001: a statement ran before SET TRANSACTION on this connection. Payara runs the pool's init SQL
            // (the timeouts) on a connection it creates inside a transaction, so the first use of a new
            // connection may not be at SERIALIZABLE; nothing was written, and the retry gets a settled one.
            if (Sql.isSerializationFailure(e) || Sql.ACTIVE_TRANSACTION.equals(e.getSQLState())) {
                throw new WriteConflictException();
            }
            throw Sql.failure(e);
        }
    }

    private static Optional<Product> write(Connection connection, String sql, long id, int stock,
                                                     String caller, Long expectedVersion) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(sql)) {
            update.setInt(1, stock);
            update.setString(2, caller);
            update.setLong(3, id);
            if (expectedVersion != null) {
                update.setLong(4, expectedVersion);
            }
            try (ResultSet row = update.executeQuery()) {
                return row.next() ? Optional.of(ProductRows.map(row)) : Optional.empty();
            }
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
