package io.concurrencydb.platform.server;

import io.concurrencydb.platform.metrics.ServiceMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;

/**
 * Publishes the JDBC pool's own statistics as gauges, read from the server's monitoring MBean at every scrape.
 * On Payara that is the AMX bean of the pool the post-boot commands create, present once the pre-boot commands
 * set jdbc-connection-pool monitoring to HIGH and the monitoring agent is on the JVM; AMX is booted here, as
 * JConsole would. On WildFly it is the datasource's pool statistics (statistics-enabled in configure.cli). A
 * figure the server does not keep, or a bean that is missing, reads -1.
 */
@ApplicationScoped
public class PoolStatistics {

    private static final Logger LOG = Logger.getLogger(PoolStatistics.class.getName());
    private static final String PAYARA_POOL =
            "amx:pp=/mon/server-mon[server],type=jdbc-connection-pool-mon,name=resources/products-pool";
    private static final String WILDFLY_POOL =
            "jboss.as:subsystem=datasources,data-source=ProductsDS,statistics=pool";

    /** Where each server keeps one figure: Payara's statistic and its value item, WildFly's attribute or null. */
    private record Figure(String description, String payara, String payaraItem, String wildfly) {
    }

    private static final Map<String, Figure> GAUGES = Map.of(
            "db_pool_connections_in_use", new Figure("connections lent out now", "numconnused", "current",
                    "InUseCount"),
            "db_pool_connections_free", new Figure("idle connections in the pool now", "numconnfree", "current",
                    "IdleCount"),
            // WildFly counts the requests that ever waited, not those waiting now: no counterpart
            "db_pool_wait_queue_length", new Figure("requests waiting for a connection", "waitqueuelength", "count",
                    null),
            // WildFly keeps the time spent getting connections, not how many were got: no counterpart
            "db_pool_connections_acquired", new Figure("connections lent out so far", "numconnacquired", "count",
                    null),
            // not "_created": Prometheus reserves that suffix (Micrometer strips it, OpenMetrics gives it a meaning)
            "db_pool_connections_opened", new Figure("physical connections opened", "numconncreated", "count",
                    "CreatedCount"),
            "db_pool_connections_destroyed", new Figure("physical connections closed", "numconndestroyed", "count",
                    "DestroyedCount"),
            // WildFly has no leak timeout (see the table of differences in src/site/markdown/deploy.md): no counterpart
            "db_pool_potential_leaks", new Figure("connections held past the leak timeout", "numpotentialconnleak",
                    "count", null),
            "db_pool_wait_timeouts", new Figure("requests that gave up waiting", "numconntimedout", "count",
                    "BlockingFailureCount"),
            "db_pool_failed_validations", new Figure("connections that failed validation", "numconnfailedvalidation",
                    "count", null));

    @Inject
    ServiceMetrics metrics;

    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();

    void publish(@Observes @Initialized(ApplicationScoped.class) Object started) {
        bootAmx();
        GAUGES.forEach((name, figure) -> metrics.gauge(name, figure.description(), () -> read(figure)));
    }

    private Long read(Figure figure) {
        try {
            ObjectName payara = new ObjectName(PAYARA_POOL);
            if (server.isRegistered(payara)) {
                Object value = server.getAttribute(payara, figure.payara());
                // Payara Server's numconnused "current" was seen at -1 with nothing borrowed (the suite's
                // MonitoringIT): a count of connections is never below 0, and -1 here means "no bean"
                return value instanceof CompositeData data
                        ? Math.max(0, ((Number) data.get(figure.payaraItem())).longValue()) : null;
            }
            ObjectName wildfly = new ObjectName(WILDFLY_POOL);
            if (figure.wildfly() != null && server.isRegistered(wildfly)) {
                Object value = server.getAttribute(wildfly, figure.wildfly());
                return value instanceof Number number ? number.longValue() : Long.valueOf(value.toString().trim());
            }
            return null;
        } catch (Exception e) {
            LOG.log(Level.WARNING, "could not read " + figure.description() + " from the pool's statistics", e);
            return null;
        }
    }

    private void bootAmx() {
        try {
            ObjectName boot = new ObjectName("amx-support:type=boot-amx");
            if (server.isRegistered(boot)) {
                server.invoke(boot, "bootAMX", new Object[0], new String[0]);
            }
        } catch (Exception e) {
            LOG.log(Level.INFO, "could not boot AMX; the pool gauges will read -1: {0}", e.toString());
        }
    }
}
