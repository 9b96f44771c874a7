/**
 * What every component needs and no component owns: problem details and the failure base ({@code problem}), body
 * and parameter reading ({@code json}, {@code http}), connections and SQL failures ({@code data}), idempotency
 * keys, bounded commits ({@code replication}), the application's own threads ({@code background}), health,
 * metrics, who may call ({@code security}), and the adaptations to particular servers ({@code server}). A rule
 * that serves one component lives in that component, not here.
 *
 * <p>The rules the platform keeps for every endpoint:
 * <ul>
 * <li>I1 every bad request, on any endpoint, is a precise 4xx problem naming what is wrong, echoing nothing and
 *     revealing nothing internal.</li>
 * <li>I2 a body declared larger than 1 MiB is refused at once (413), before it is sent.</li>
 * <li>I3 SQL metacharacters and any Unicode text round-trip exactly through every write.</li>
 * <li>I4 a request body that stops arriving is answered 408 request-timeout within REQUEST_BODY_TIMEOUT_S, with
 *     Connection: close, never a 500.</li>
 * <li>I5 stalled bodies take at most REQUEST_BODY_WAITING_MAX request threads: reads, health and fresh writes
 *     are answered meanwhile, and each stalled request gets 408, or 503 with Retry-After at once.</li>
 * <li>I6 slow headers and stalled writes without a token cost other clients nothing; the writes get 401 at once.</li>
 * <li>I7 refused bearer tokens cost the server's log a counted line a minute, not a line (or a stack trace) each;
 *     a body its client cuts off costs it nothing.</li>
 * <li>R1 while the database is down, only 2xx, 409 and fast 503s answer, readiness is DOWN, and within 5 s of
 *     its return everything is served again; no acknowledged write is lost.</li>
 * <li>R2 connections killed server-side cost no client a 500 and lose no acknowledged write.</li>
 * <li>R3 with a synchronous standby named but absent, every kind of write answers 503 commit-unconfirmed within
 *     DB_COMMIT_WAIT_S and acknowledges nothing; the write is on the primary, and an idempotent retry replays it.</li>
 * <li>R4 a database refusing connections (SQLSTATE 53300) is 503 database-unavailable with Retry-After within
 *     the pool's wait; the service recovers when connections are free.</li>
 * <li>R5 a write reaching a read-only server (SQLSTATE 25006) is 503 database-unavailable; reads are served.</li>
 * <li>X1 behind the shipped HAProxy, requests alternate between instances, also on one keep-alive connection,
 *     and X-Served-By names the instance.</li>
 * <li>X2 C3 holds across instances: of two writers of one version on different instances, one gets 409.</li>
 * <li>X3 read-modify-write clients that retry on 409 lose no update across instances.</li>
 * <li>X4 H10 holds across instances.</li>
 * <li>X5 with no instance answering, the balancer answers a 503 problem with Retry-After.</li>
 * <li>X6 S3 holds across instances for every strategy.</li>
 * <li>X7 O5 holds across instances.</li>
 * <li>X8 behind the shipped HAProxy, a request body that stops arriving is answered 408 by the balancer and never
 *     reaches an instance.</li>
 * </ul>
 */
package io.concurrencydb.platform;
