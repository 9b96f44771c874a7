package io.concurrencydb.catalog.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.concurrencydb.catalog.entity.Cursor;
import io.concurrencydb.catalog.entity.Product;
import io.concurrencydb.catalog.entity.ProductFilter;
import io.concurrencydb.catalog.entity.ProductPage;
import io.concurrencydb.catalog.entity.ProductQuery;
import io.concurrencydb.catalog.entity.ProductSort;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The members, their order, their types and the nulls of the contract's product and page. */
class ProductJsonTest {

    private static final OffsetDateTime AT = OffsetDateTime.parse("2026-12-04T06:00:00.123456Z");
    private static final Product PEN =
            new Product(7, "Pen \"blue\"", null, new BigDecimal("1.50"), 3, 2, AT, AT, "alice", null);
    private static final String PEN_JSON = "{\"id\":7,\"name\":\"Pen \\\"blue\\\"\",\"description\":null,"
            + "\"price\":1.50,\"stock_quantity\":3,\"version\":2,\"created_at\":\"2026-12-04T06:00:00.123456Z\","
            + "\"updated_at\":\"2026-12-04T06:00:00.123456Z\",\"created_by\":\"alice\",\"updated_by\":null}";

    @Test
    void aProduct() {
        assertEquals(PEN_JSON, ProductJson.text(PEN));
    }

    @Test
    void aPageWithItsTotalAndNext() {
        ProductQuery query = new ProductQuery(new ProductFilter(null, null, null, null), ProductSort.BY_ID, null,
                1, 0, true);
        Cursor next = new Cursor(ProductSort.BY_ID, "7", 7);
        assertEquals("{\"products\":[" + PEN_JSON + "],\"total\":12,\"limit\":1,\"offset\":0,\"next\":\""
                + next.encode() + "\"}", ProductJson.text(new ProductPage(List.of(PEN), 12L, next), query));
        assertEquals("{\"products\":[],\"total\":null,\"limit\":1,\"offset\":0,\"next\":null}",
                ProductJson.text(new ProductPage(List.of(), null, null), query));
    }
}
