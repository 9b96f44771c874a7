/**
 * Adaptations to particular servers: code that exists because a server does something slowly, differently or
 * not at all. Each can go when the condition named here no longer holds; none carries a business rule.
 *
 * <ul>
 * <li>{@link io.concurrencydb.platform.server.AuthenticationShortcuts} and
 *     {@link io.concurrencydb.platform.server.VerifiedTokens}: Payara runs MicroProfile JWT through a Jakarta
 *     Authentication bridge whose per-request lookups cost a quarter of a read's CPU, and verifies every token
 *     again. Delete when Payara's mechanism is that cheap by itself (the benchmark says).</li>
 * <li>{@link io.concurrencydb.platform.server.InvalidTokenPage}: the servers answer a refused token themselves,
 *     with a bare 401 (or, on WildFly, a 500 when no key matches); this makes it the API's 401 problem. Delete
 *     when both servers let the application answer a refused token.</li>
 * <li>{@link io.concurrencydb.platform.server.PoolStatistics}: the JDBC pool's figures, read from Payara's AMX
 *     MBean or WildFly's datasource statistics; no standard API publishes them.</li>
 * <li>{@link io.concurrencydb.platform.server.MicroProfileMetrics} (Payara) and
 *     {@link io.concurrencydb.platform.server.MicrometerMetrics} (WildFly): the two metrics APIs the servers
 *     have; {@code WEB-INF/beans.xml} keeps the one that is present. Delete one when the other server adopts its
 *     API.</li>
 * <li>{@link io.concurrencydb.platform.server.ReadListeners}: Undertow starts a body's non-blocking reads only
 *     after the request's thread has returned, Payara's async dispatch loses the request's security and CDI
 *     context, and Grizzly cannot read an h2c-upgrade request without blocking, so BodyIntakeFilter waits for a
 *     slow body in one way on Payara and in another on WildFly. Delete when the servers behave alike.</li>
 * </ul>
 */
package io.concurrencydb.platform.server;
