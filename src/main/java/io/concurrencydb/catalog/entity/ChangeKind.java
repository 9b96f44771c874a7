package io.concurrencydb.catalog.entity;

/** What a write did to a product, as its event names it. */
public enum ChangeKind {
    CREATED("created"),
    REPLACED("replaced"),
    PATCHED("patched"),
    DELETED("deleted"),
    STOCK_ADJUSTED("stock-adjusted"),
    ORDERED("ordered");

    private final String label;

    ChangeKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
