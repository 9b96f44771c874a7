package io.concurrencydb.catalog.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.concurrencydb.catalog.entity.Cursor;
import io.concurrencydb.catalog.entity.ProductSort;
import jakarta.ws.rs.core.UriInfo;
import java.lang.reflect.Proxy;
import java.net.URI;
import org.junit.jupiter.api.Test;

/** The next page's link: the request's own path and query, offset and after replaced by the new cursor. */
class ProductQueriesTest {

    private static final Cursor NEXT = new Cursor(ProductSort.BY_ID, "7", 7);

    @Test
    void keepsEveryOtherParameterAsSentAndReplacesOffsetAndAfter() {
        assertEquals("/api/products?limit=2&name=a%20b&sort=-price&in_stock&after=" + NEXT.encode(),
                ProductQueries.nextPage(request("/api/products?limit=2&offset=4&name=a%20b&after=old&sort=-price"
                        + "&&in_stock"), NEXT));
    }

    @Test
    void aRequestWithoutQueryGetsOnlyTheCursor() {
        assertEquals("/api/products?after=" + NEXT.encode(), ProductQueries.nextPage(request("/api/products"), NEXT));
    }

    private static UriInfo request(String pathAndQuery) {
        URI uri = URI.create("http://localhost:8080" + pathAndQuery);
        return (UriInfo) Proxy.newProxyInstance(UriInfo.class.getClassLoader(), new Class<?>[] {UriInfo.class},
                (proxy, method, arguments) -> {
                    if (method.getName().equals("getRequestUri")) {
                        return uri;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
