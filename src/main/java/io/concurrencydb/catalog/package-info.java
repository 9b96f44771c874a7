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
 * <li>C6 a list is sorted by id, name, price or updated_at, ascending or descending, ties broken by id, and
 *     filtered by name (contains, ignoring case, at least 3 characters), min_price, max_price and in_stock;
 *     filters and sorts compose with each other and with the cursor, each served by an index.</li>
 * <li>C7 a walk by cursor (after = the previous page's next, also its Link rel="next") sees every product that
 *     exists throughout exactly once, in the sort's order, however others create and delete meanwhile; a
 *     page costs the same at any depth.</li>
 * <li>C8 total is exact in the page's snapshot at any size, also while others create and delete: a count kept
 *     in the same transaction as every insert and delete. total=false, or a filter, gives null.</li>
 * <li>C9 offset is served up to 10000; past it, a malformed, tampered or foreign cursor, and any bad filter or
 *     sort are 400 naming the parameter.</li>
 * <li>C10 a filtered list is the database's own answer whichever way it is found: a walk of the sort's index
 *     bounded to 1,000 products, at most 10,000 candidates from the name's trigram index sorted, or the whole
 *     walk, tried in that order (ProductSearch).</li>
 * <li>C11 no filtered list holds the database longer than DB_SEARCH_TIMEOUT_MS: past it the statement is
 *     cancelled and the answer is 503 list-too-costly with Retry-After.</li>
 * <li>H1 every single-product response carries the version as a strong ETag, {@code "7"}.</li>
 * <li>H2 a read whose If-None-Match names the current version is 304 without a body.</li>
 * <li>H3 PUT, PATCH and DELETE honour If-Match (a list of tags, or *) in the same statement as the write;
 *     a mismatch is 412 with the current ETag and nothing changes.</li>
 * <li>H4 PUT and PATCH need If-Match or a body version (428 without); both must agree (400); a stale body
 *     version is the original's 409.</li>
 * <li>H5 a retried If-Match write that already took effect answers 200 with the stored product.</li>
 * <li>H6 DELETE without If-Match is unconditional.</li>
 * <li>H7 PATCH takes an RFC 7396 merge patch, validated like a PUT.</li>
 * <li>H8 of two clients patching with the same If-Match, exactly one gets 200 and the other 412.</li>
 * <li>H9 POST with an Idempotency-Key creates at most one product per key and body within 24 hours; a replay
 *     is the first response byte for byte; the key with another body is 422; while the first request with a
 *     key runs, others wait up to 2 s for its response, then get 409.</li>
 * <li>H10 any number of concurrent POSTs with one Idempotency-Key make exactly one product, and every response
 *     names it.</li>
 * <li>H11 a request whose Idempotency-Key is held by a running request gets 409, not a second product.</li>
 * <li>H12 a key is remembered for 24 hours; after that, reusing it creates a new product.</li>
 * </ul>
 */
package io.concurrencydb.catalog;
