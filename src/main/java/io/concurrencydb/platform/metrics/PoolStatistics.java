package io.concurrencydb.platform.metrics;

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
 * JConsole would. Where the bean is missing the gauges read -1.
 */
@ApplicationScoped
public class PoolStatistics {

    private static final Logger LOG = Logger.getLogger(PoolStatistics.class.getName());
    private static final String PAYARA_POOL =
            "amx:pp=/mon/server-mon[server],type=jdbc-connection-pool-mon,name=resources/products-pool";

    // gauge name -> (Payara statistic, its value item, description)
    private static final Map<String, String[]> GAUGES = Map.of(
            "db_pool_connections_in_use", new String[] {"numconnused", "current", "connections lent out now"},
            "db_pool_connections_free", new String[] {"numconnfree", "current", "idle connections in the pool now"},
            "db_pool_wait_queue_length", new String[] {"waitqueuelength", "count", "requests waiting for a connection"},
            "db_pool_connections_acquired", new String[] {"numconnacquired", "count", "connections lent out so far"},
            "db_pool_connections_created", new String[] {"numconncreated", "count", "physical connections opened"},
            "db_pool_connections_destroyed", new String[] {"numconndestroyed", "count", "physical connections closed"},
            "db_pool_potential_leaks", new String[] {"numpotentialconnleak", "count", "connections held past the leak timeout"},
            "db_pool_wait_timeouts", new String[] {"numconntimedout", "count", "requests that gave up waiting"},
            "db_pool_failed_validations", new String[] {"numconnfailedvalidation", "count", "connections that failed validation"});

    @Inject
    ServiceMetrics metrics;

    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();

    void publish(@Observes @Initialized(ApplicationScoped.class) Object started) {
        bootAmx();
        GAUGES.forEach((name, statistic) -> metrics.gauge(name, statistic[2], () -> read(statistic[0], statistic[1])));
    }

    private Long read(String statistic, String item) {
        try {
            Object value = server.getAttribute(new ObjectName(PAYARA_POOL), statistic);
            if (!(value instanceof CompositeData data)) {
                return null;
            }
            long reading = ((Number) data.get(item)).longValue();
            // Payara Server's numconnused "current" was seen at -1 with nothing borrowed (the suite's
            // MonitoringIT): a count of connections is never below 0, and -1 here means "no bean"
            return Math.max(0, reading);
        } catch (Exception e) {
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
