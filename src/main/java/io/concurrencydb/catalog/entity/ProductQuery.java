package io.concurrencydb.catalog.entity;

/**
 * What a list request asks for: which products, in which order, from where (after a cursor, or a bounded
 * offset), how many, and whether the total is wanted.
 */
public record ProductQuery(ProductFilter filter, ProductSort sort, Cursor after, int limit, long offset,
                           boolean withTotal) {

    /** The deepest offset served: further pages are walked with the cursor, which costs the same at any depth. */
    public static final long OFFSET_MAX = 10_000;
}
