package io.concurrencydb.catalog.control;

import io.concurrencydb.catalog.entity.ChangeKind;

/**
 * Makes a write to products record its events in the same statement: one row in product_events per product
 * row the write changes, carrying the row as it is after the change. Being one statement, the change and its
 * event commit or roll back together, with no round trip added.
 */
public final class Outbox {

    private static final String EVENT_COLUMNS = "product_id, kind, version, caller, name, description, price, "
            + "stock_quantity, created_at, updated_at, created_by, updated_by";

    private Outbox() {
    }

    /**
     * {@code write}, an INSERT or UPDATE of products that ends in {@code RETURNING} {@link ProductRows#COLUMNS},
     * recording a {@code kind} event per changed row; the statement still returns the changed rows. The row's
     * updated_by is the event's caller.
     */
    public static String recording(ChangeKind kind, String write) {
        return """
                WITH changed AS (%s),
                recorded AS (
                    INSERT INTO product_events (%s)
                    SELECT id, '%s', version, updated_by, name, description, price, stock_quantity,
                           created_at, updated_at, created_by, updated_by
                    FROM changed)
                SELECT %s FROM changed""".formatted(write, EVENT_COLUMNS, kind.label(), ProductRows.COLUMNS);
    }

    /**
     * {@code delete}, a DELETE of products that ends in {@code RETURNING id, version}, recording a tombstone
     * per deleted row: the deleted version plus one, no product. The caller is the statement's last parameter.
     */
    public static String recordingDeletion(String delete) {
        return """
                WITH deleted AS (%s)
                INSERT INTO product_events (product_id, kind, version, caller)
                SELECT id, '%s', version + 1, ? FROM deleted""".formatted(delete, ChangeKind.DELETED.label());
    }
}
