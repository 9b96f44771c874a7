/**
 * The service's metrics, published through whichever metrics API the server has. Components count their own
 * outcomes; this package times requests and counts problems.
 *
 * <ul>
 * <li>M1 conflicts, preconditions, replays, stock outcomes per strategy and orders are counted exactly.</li>
 * <li>M2 every endpoint is timed per method and status.</li>
 * <li>M3 retries under contention are counted, and the JDBC pool's own figures are published.</li>
 * <li>M4 the database password appears in no response, not in the WAR, not in the server's log.</li>
 * <li>M5 request timers are in seconds, as their names say.</li>
 * <li>M6 the first requests after a deployment, of many kinds at once, all get their answer (the writes with a
 *     writer's token all accepted), and a method a client makes up adds no series.</li>
 * <li>M7 each of the service's metrics has its HELP line and a name Prometheus accepts.</li>
 * </ul>
 */
package io.concurrencydb.platform.metrics;
