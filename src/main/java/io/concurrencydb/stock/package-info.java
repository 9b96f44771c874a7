/**
 * Stock adjustments: add to or take from a product's stock, safely under any number of concurrent clients,
 * by one of four strategies a client chooses.
 *
 * <ul>
 * <li>S1 an adjustment is a non-zero whole delta; the strategy is atomic (default), optimistic, pessimistic or
 *     serializable.</li>
 * <li>S2 every strategy answers 200 with the product as this adjustment left it (version + 1), or 409
 *     insufficient-stock with nothing changed when the stock would go below zero; 422 when it would pass
 *     2147483647.</li>
 * <li>S3 no strategy loses an adjustment or oversells: the final stock is the start plus the accepted deltas,
 *     and the version rises once per accepted adjustment.</li>
 * <li>S4 a retry re-runs the whole transaction, in a new JTA transaction, a bounded number of times within a
 *     bounded time, with jittered backoff; running out, or a lock wait timing out, is 503 with Retry-After.</li>
 * </ul>
 */
package io.concurrencydb.stock;
