package io.concurrencydb.changes.control;

import io.concurrencydb.platform.data.Sql;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Gives committed events their positions in the feed.
 *
 * <p>Numbers taken while writing cannot be the feed's order: a transaction takes seq 40, another takes 41 and
 * commits first, and a reader that has passed 41 never sees 40. Positions are therefore given after commit: a
 * run numbers every committed event that has none, in seq order, after the highest position given so far. One
 * run at a time in the whole cluster (a transaction-scoped advisory lock, taken before the statement that reads
 * the highest position, so that statement sees every earlier run), and runs commit one after another, so a
 * reader sees positions 1..n with no gap and never a later one before an earlier one.
 *
 * <p>Per product the feed follows the versions: a writer takes its seq while it holds the product's row lock,
 * so a later version has a higher seq; and a snapshot that sees a later version's commit also sees the earlier
 * one's (the earlier transaction released the lock only once it had committed), so no run can number the later
 * version before the earlier.
 */
@Stateless
public class FeedSequencer {

    private static final String LOCK = "SELECT pg_try_advisory_xact_lock(hashtext('products.change-feed'))";

    private static final String NUMBER = """
            UPDATE product_events AS event SET position = last.position + pending.n
            FROM (SELECT seq, row_number() OVER (ORDER BY seq) AS n
                  FROM product_events WHERE position IS NULL ORDER BY seq LIMIT ?) AS pending,
                 (SELECT coalesce(max(position), (SELECT position FROM product_events_pruned)) AS position
                  FROM product_events) AS last
            WHERE event.seq = pending.seq""";

    static final int RUN_MAX = 5000;

    @Resource(name = Sql.DATA_SOURCE)
    DataSource dataSource;

    /** Numbers up to 5,000 committed events; none if another run holds the lock. Returns how many. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int run() {
        try (Connection connection = Sql.connect(dataSource)) {
            try (PreparedStatement lock = connection.prepareStatement(LOCK); ResultSet got = lock.executeQuery()) {
                got.next();
                if (!got.getBoolean(1)) {
                    return 0;
                }
            }
            try (PreparedStatement number = connection.prepareStatement(NUMBER)) {
                number.setInt(1, RUN_MAX);
                return number.executeUpdate();
            }
        } catch (SQLException e) {
            throw Sql.failure(e);
        }
    }
}
