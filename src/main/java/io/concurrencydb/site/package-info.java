/**
 * The pages a person opens in a browser, beside the API: the front page, rendered here because it shows what
 * only the server knows (its database, its runtime), and the race, which is static HTML and JavaScript in
 * {@code src/main/webapp/race}, drawing what the API and the change feed answer.
 *
 * <ul>
 * <li>W1 {@code /} says what the service is, whether its database answers, which runtime and version it runs,
 *     and links to the race, the API documents, the change feed and health; it answers 200 with the database
 *     down too, saying so.</li>
 * <li>W2 the race draws what happened: each run's stock as the change feed reports it, each buyer as what it
 *     was told (a naive sale the stock does not show as lost), each run's sold against stock, lost updates,
 *     retries and latency as bars; and the two editors with and without the version. Keyboard usable, and it
 *     reflows in a narrow window.</li>
 * <li>W3 the pages load nothing from outside the service, and carry no token in a URL a server sees: the run
 *     command's link to the race has the development token in its fragment.</li>
 * </ul>
 */
package io.concurrencydb.site;
