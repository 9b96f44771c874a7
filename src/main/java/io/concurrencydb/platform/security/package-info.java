/**
 * Who may call, and who did: bearer tokens (MicroProfile JWT, verified by the server), the roles a request
 * needs, and the caller recorded on every write.
 *
 * <ul>
 * <li>A1 a write without a token is 401 with a bare Bearer challenge.</li>
 * <li>A2 a forged, stale or misdirected token is 401 invalid-token, and changes nothing.</li>
 * <li>A3 a token in the query string is ignored: the request is anonymous.</li>
 * <li>A4 an oversize token is a 4xx problem, not an empty answer.</li>
 * <li>A5 a valid token without the role writer is 403 on every write, and changes nothing.</li>
 * <li>A6 reads are public unless AUTH_REQUIRED is all.</li>
 * <li>A7 health, the OpenAPI document and the pages stay public.</li>
 * <li>A8 the creator and the last writer are the token's caller after every kind of write; values a client
 *     sends for them are ignored.</li>
 * <li>A9 an Idempotency-Key belongs to its caller: two callers using one key make a product each.</li>
 * <li>A10 a token accepted once is the same caller with the same roles on its next requests; the same token
 *     with one character changed is refused.</li>
 * </ul>
 */
package io.concurrencydb.platform.security;
