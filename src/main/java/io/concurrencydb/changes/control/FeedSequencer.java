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

    // With the lock, for this transaction only, no bitmap scans: the unnumbered events' index keeps an entry for
    // every event numbered since the last vacuum, and only a plain index scan marks such entries dead as it
    // passes them. A bitmap scan (the planner's choice for a few hundred rows) walked them all, every run:
    // 67,695 entries and 1,606 table pages to find none, 7 ms, growing with the feed until autovacuum came
    private static final String LOCK = "SELECT pg_try_advisory_xact_lock(hashtext('products.change-feed')), "
            + "set_config('enable_bitmapscan', 'off', true)";

    private static final String NUMBER = """
            UPDATE product_events AS event SET position = last.position + pending.n
            FROM (SELECT seq, row_number() OVER (ORDER BY seq) AS n
                  FROM product_events WHERE position IS NULL ORDER BY seq LIMIT ?) AS pending,
                 (SELECT coalesce(max(position), (SELECT position FROM product_events_pruned)) AS position
                  FROM product_events) AS last
            WHERE event.seq = pending.seq""";

    // the sessions holding the lock: another instance's run for a moment, or something stuck if it stays
    private static final String HOLDER = """
            SELECT string_agg(format('pid %s (%s, %s, in a transaction for %s: %s)', activity.pid,
                       activity.application_name, activity.state, date_trunc('second', now() - activity.xact_start),
                       left(activity.query, 120)), '; ')
            FROM pg_locks AS held JOIN pg_stat_activity AS activity ON activity.pid = held.pid
            WHERE held.locktype = 'advisory' AND held.granted
              AND held.database = (SELECT oid FROM pg_database WHERE datname = current_database())
              AND ((held.classid::bigint << 32) | held.objid::bigint) = hashtext('products.change-feed')::bigint""";

    static final int RUN_MAX = 5000;

    /** What {@link #run()} returns when another session holds the lock. */
    static final int LOCKED_OUT = -1;

    @Resource(name = Sql.DATA_SOURCE)
    DataSource dataSource;

    /** Numbers up to 5,000 committed events and returns how many; {@link #LOCKED_OUT} if another run holds the lock. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int run() {
        try (Connection connection = Sql.connect(dataSource)) {
            try (PreparedStatement lock = connection.prepareStatement(LOCK); ResultSet got = lock.executeQuery()) {
                got.next();
                if (!got.getBoolean(1)) {
                    return LOCKED_OUT;
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

    /** The sessions that hold the sequencer's lock, described for a log line; null when none does. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public String lockHolders() {
        try (Connection connection = Sql.connect(dataSource);
             PreparedStatement holders = connection.prepareStatement(HOLDER);
             ResultSet got = holders.executeQuery()) {
            got.next();
            return got.getString(1);
        } catch (SQLException e) {
            throw Sql.failure(e);
        }
    }
}
