package io.concurrencydb.platform.idempotency;

import io.concurrencydb.platform.data.Sql;
import io.concurrencydb.platform.replication.CommitGuard;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Idempotency keys in the database, inside the caller's transaction, so that the key, the write it guards and
 * the stored response commit or roll back together, and so that it holds across several server instances.
 * A key belongs to the caller who sent it (the token's caller id; '' without a token): the same key from two
 * callers is two keys, and no caller can read another's stored response.
 *
 * <p>Claiming inserts the key row. A second request with the same key blocks on that row until the first
 * commits, then replays its response; if the first is still running after {@link #IN_FLIGHT_WAIT}, the second
 * gets 409 instead of waiting longer. Keys older than 24 hours are reclaimed as new.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class IdempotencyStore {

    static final String IN_FLIGHT_WAIT = "2s";
    static final String LIFETIME = "24 hours";

    private static final String CLAIM = """
            INSERT INTO idempotency_keys (caller, idempotency_key, fingerprint)
            VALUES (?, ?, ?)
            ON CONFLICT (caller, idempotency_key) DO UPDATE
                SET fingerprint = EXCLUDED.fingerprint, status = NULL, location = NULL, etag = NULL,
                    body = NULL, created_at = now()
                WHERE idempotency_keys.created_at < now() - interval '%s'
            RETURNING idempotency_key""".formatted(LIFETIME);

    private static final String SELECT = """
            SELECT fingerprint, status, location, etag, body FROM idempotency_keys
            WHERE caller = ? AND idempotency_key = ?""";

    private static final String RECORD = """
            UPDATE idempotency_keys SET status = ?, location = ?, etag = ?, body = ?
            WHERE caller = ? AND idempotency_key = ?""";

    private static final String LOCK_NOT_AVAILABLE = "55P03";

    @Resource(name = Sql.DATA_SOURCE)
    DataSource dataSource;

    @Inject
    CommitGuard commits;

    /** Empty when this request now owns the key; otherwise the response to replay. */
    public Optional<StoredResponse> claim(String caller, IdempotencyKey key) {
        try (Connection connection = commits.connect(dataSource)) {
            try (Statement wait = connection.createStatement()) {
                wait.execute("SET LOCAL lock_timeout = '" + IN_FLIGHT_WAIT + "'");
            }
            if (insert(connection, owner(caller), key)) {
                return Optional.empty();
            }
            return Optional.of(earlier(connection, owner(caller), key));
        } catch (SQLException e) {
            if (LOCK_NOT_AVAILABLE.equals(e.getSQLState())) {
                throw new IdempotencyInFlightException();
            }
            throw Sql.failure(e);
        }
    }

    public void record(String caller, IdempotencyKey key, StoredResponse response) {
        try (Connection connection = commits.connect(dataSource);
             PreparedStatement update = connection.prepareStatement(RECORD)) {
            update.setInt(1, response.status());
            update.setString(2, response.location());
            update.setString(3, response.etag());
            update.setString(4, response.body());
            update.setString(5, owner(caller));
            update.setString(6, key.key());
            update.executeUpdate();
        } catch (SQLException e) {
            throw Sql.failure(e);
        }
    }

    private static String owner(String caller) {
        return caller == null ? "" : caller;
    }

    private static boolean insert(Connection connection, String owner, IdempotencyKey key) throws SQLException {
        try (PreparedStatement claim = connection.prepareStatement(CLAIM)) {
            claim.setString(1, owner);
            claim.setString(2, key.key());
            claim.setString(3, key.fingerprint());
            try (ResultSet row = claim.executeQuery()) {
                return row.next();
            }
        }
    }

    private static StoredResponse earlier(Connection connection, String owner, IdempotencyKey key)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(SELECT)) {
            select.setString(1, owner);
            select.setString(2, key.key());
            try (ResultSet row = select.executeQuery()) {
                if (!row.next() || row.getObject("status") == null) {
                    throw new IdempotencyInFlightException();
                }
                if (!key.fingerprint().equals(row.getString("fingerprint"))) {
                    throw new IdempotencyKeyReusedException();
                }
                return new StoredResponse(row.getInt("status"), row.getString("location"), row.getString("etag"),
                        row.getString("body"));
            }
        }
    }
}
