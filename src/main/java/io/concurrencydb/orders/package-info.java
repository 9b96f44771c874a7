/**
 * Orders: many products' stock taken in one transaction, all lines or none.
 *
 * <ul>
 * <li>O1 an order has 1 to 1000 lines of a product id and a quantity of at least 1; lines naming the same
 *     product are merged, their quantities added.</li>
 * <li>O2 an unknown product is 422 naming it, checked before any stock; nothing changes.</li>
 * <li>O3 any line short of stock is 409 naming every short line; nothing changes.</li>
 * <li>O4 otherwise every line's stock is taken, each product's version rises by one, and the order and its
 *     lines are stored, all in one container-managed JTA transaction.</li>
 * <li>O5 rows are locked in ascending product id, so two orders over the same products in opposite line
 *     orders never deadlock.</li>
 * <li>O6 a product that orders refer to cannot be deleted (409).</li>
 * </ul>
 */
package io.concurrencydb.orders;
