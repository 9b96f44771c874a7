/**
 * The products catalogue: create, read, list, replace and delete products, with optimistic locking.
 *
 * <ul>
 * <li>C1 a product has a name of 1 to 255 code points, an optional description, a price of 0 to 99999999.99
 *     with at most two decimals, and a stock quantity of 0 to 2147483647.</li>
 * <li>C2 a new product starts at version 0; every successful write adds one.</li>
 * <li>C3 a replace names the version it read; the check and the write are one statement, so of two clients
 *     writing against the same version exactly one wins and the other gets 409 with nothing changed.</li>
 * <li>C4 a list page and its total come from one statement, so they agree with each other.</li>
 * <li>C5 server-owned members sent back by a client (id, version on create, created_at, updated_at) are ignored;
 *     any other unknown member is a 400.</li>
 * </ul>
 */
package io.concurrencydb.catalog;
