package io.concurrencydb.changes.control;

import io.concurrencydb.platform.data.Sql;
import jakarta.annotation.Resource;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Deletes events older than the retention period (events.retention.hours, EVENTS_RETENTION_HOURS; 7 days by
 * default), every ten minutes. It removes a prefix of the feed, never a gap: every numbered event before the
 * first one young enough to keep, and records the position it ends at, so that a client asking for anything
 * before it learns that it missed events (410).
 */
@Singleton
public class EventPruning {

    /**
     * One statement: the prefix deleted and the position recorded together. Parameter: the retention. The prefix
     * ends before the first numbered event young enough to keep (or at the last one), found by walking positions
     * from the oldest: no index on the time, which every write would pay for, and what is walked is deleted.
     */
    public static final String PRUNE = """
            WITH horizon AS (
                SELECT coalesce(
                    (SELECT position - 1 FROM product_events
                     WHERE position IS NOT NULL AND occurred_at >= now() - ?::interval
                     ORDER BY position LIMIT 1),
                    (SELECT max(position) FROM product_events)) AS position),
            deleted AS (
                DELETE FROM product_events USING horizon WHERE product_events.position <= horizon.position)
            UPDATE product_events_pruned AS pruned SET position = horizon.position
            FROM horizon WHERE horizon.position IS NOT NULL""";

    private static final Logger LOG = Logger.getLogger(EventPruning.class.getName());

    @Resource(name = Sql.DATA_SOURCE)
    DataSource dataSource;

    @Inject
    @ConfigProperty(name = "events.retention.hours", defaultValue = "168")
    long retentionHours;

    @Schedule(hour = "*", minute = "*/10", persistent = false)
    public void prune() {
        try (Connection connection = Sql.connect(dataSource);
             PreparedStatement prune = connection.prepareStatement(PRUNE)) {
            prune.setString(1, retentionHours + " hours");
            prune.executeUpdate();
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.WARNING, "could not prune the change feed: {0}", e.toString());
        }
    }
}
