package io.concurrencydb.catalog.entity;

import io.concurrencydb.platform.problem.InvalidInputException;

/**
 * The order of a list: one of the product's columns, ascending or descending, ties broken by id in the same
 * direction so that every product has exactly one place. Written "price" or "-price" (descending).
 */
public record ProductSort(Key key, boolean descending) {

    /** The columns a list can be sorted on; each has an index on (column, id). */
    public enum Key {
        ID("id"), NAME("name"), PRICE("price"), UPDATED_AT("updated_at");

        private final String column;

        Key(String column) {
            this.column = column;
        }

        public String column() {
            return column;
        }
    }

    public static final ProductSort BY_ID = new ProductSort(Key.ID, false);

    /** The sort a client names in {@code sort}; none is by id, ascending, as the original listed. */
    public static ProductSort parse(String raw) {
        if (raw == null) {
            return BY_ID;
        }
        boolean descending = raw.startsWith("-");
        String name = descending ? raw.substring(1) : raw;
        for (Key key : Key.values()) {
            if (key.column.equals(name)) {
                return new ProductSort(key, descending);
            }
        }
        throw new InvalidInputException("sort", "must be one of id, name, price, updated_at, each optionally "
                + "preceded by - for descending");
    }

    /** As a client writes it: "price", "-updated_at". */
    public String wireName() {
        return (descending ? "-" : "") + key.column;
    }

    public String direction() {
        return descending ? "DESC" : "ASC";
    }
}
