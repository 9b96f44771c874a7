/**
 * The change feed: every committed change to a product, once, in an order no reader has to go back on, for
 * clients that keep copies of the catalogue (caches, search indexes, read models).
 *
 * <ul>
 * <li>E1 every committed create, replace, patch, delete, stock adjustment and order line writes exactly one
 *     event, in the same statement as the change; a write that rolls back leaves none.</li>
 * <li>E2 positions are 1, 2, 3, ... given after commit, in commit order: a reader never sees a later position
 *     before an earlier one, and per product the versions only go up.</li>
 * <li>E3 GET /api/products/events is a JSON page (after, limit) or, asked for text/event-stream, a stream of
 *     Server-Sent Events whose ids are positions; Last-Event-ID or after resumes exactly after one; a malformed
 *     position is 400; events older than the retention are pruned as a prefix, and a position before it is
 *     410 events-pruned.</li>
 * <li>E4 (the race page, which draws the stock from the stream, is io.concurrencydb.site's W2.)</li>
 * <li>E5 the feed comes from the database: any instance serves the changes made through any other.</li>
 * <li>E6 a stream holds at most one page in memory; a client that takes nothing for 30 s is disconnected and
 *     resumes after the last event it got; a stream with nothing to send gets a comment every 15 s (both are
 *     settings).</li>
 * <li>E7 several streams at one position, whose pages are read and rendered once for all of them, each receive
 *     every event once, in order, through a backlog of many pages.</li>
 * <li>E8 a client that opens a stream and stops reading costs the server a bounded buffer, not the events due to
 *     it: forty of them cannot exhaust the heap or slow other clients, and each is cut off after the send limit.</li>
 * <li>E9 an instance serves at most events.streams.max streams (500): one more is refused before it starts, 503
 *     too-many-streams with Retry-After, however many ask at once; the JSON pages are answered meanwhile.</li>
 * </ul>
 */
package io.concurrencydb.changes;
