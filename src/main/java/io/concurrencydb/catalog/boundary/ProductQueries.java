package io.concurrencydb.catalog.boundary;

import io.concurrencydb.catalog.entity.Cursor;
import io.concurrencydb.catalog.entity.ProductFilter;
import io.concurrencydb.catalog.entity.ProductQuery;
import io.concurrencydb.catalog.entity.ProductSort;
import io.concurrencydb.platform.http.Parameters;
import io.concurrencydb.platform.problem.InvalidInputException;
import jakarta.ws.rs.core.UriInfo;
import java.math.BigDecimal;
import java.net.URI;

/** Reads a list request's query parameters into a {@link ProductQuery}, each bad value a 400 naming it. */
final class ProductQueries {

    static final int LIMIT_DEFAULT = 100;
    static final int LIMIT_MAX = 1000;

    private ProductQueries() {
    }

    static ProductQuery read(String limit, String offset, String after, String sort, ProductFilter filter,
                             String total) {
        int pageSize = (int) Parameters.query("limit", limit, LIMIT_DEFAULT, 1, LIMIT_MAX);
        long skip = Parameters.query("offset", offset, 0, 0, Integer.MAX_VALUE);
        if (skip > ProductQuery.OFFSET_MAX) {
            throw new InvalidInputException("offset", "must be at most " + ProductQuery.OFFSET_MAX + ": deeper "
                    + "pages are walked with the cursor (after=next of the previous page), which costs the same "
                    + "at any depth");
        }
        ProductSort order = ProductSort.parse(sort);
        Cursor cursor = null;
        if (after != null) {
            if (offset != null) {
                throw new InvalidInputException("offset", "cannot be sent with after: the cursor says where the "
                        + "page starts");
            }
            cursor = Cursor.decode(after, order);
        }
        return new ProductQuery(filter, order, cursor, pageSize, skip, !Boolean.FALSE.equals(
                Parameters.bool("total", total)));
    }

    static ProductFilter filter(String name, String minPrice, String maxPrice, String inStock) {
        if (name != null) {
            int length = name.codePointCount(0, name.length());
            if (length < ProductFilter.NAME_MIN || length > ProductJson.NAME_MAX_CODE_POINTS) {
                throw new InvalidInputException("name", "must be " + ProductFilter.NAME_MIN + " to "
                        + ProductJson.NAME_MAX_CODE_POINTS + " characters");
            }
            if (name.indexOf('\0') >= 0) {
                throw new InvalidInputException("name", "must not contain U+0000");
            }
        }
        BigDecimal min = Parameters.decimal("min_price", minPrice, ProductJson.PRICE_MAX, ProductJson.PRICE_SCALE);
        BigDecimal max = Parameters.decimal("max_price", maxPrice, ProductJson.PRICE_MAX, ProductJson.PRICE_SCALE);
        if (min != null && max != null && min.compareTo(max) > 0) {
            throw new InvalidInputException("max_price", "must not be below min_price");
        }
        return new ProductFilter(name, min, max, Parameters.bool("in_stock", inStock));
    }

    /** The request's own path and query with the cursor of the next page instead of after or offset. */
    static String nextPage(UriInfo uriInfo, Cursor next) {
        // by hand, as UriBuilder's replaceQueryParam would (it parses and re-encodes the whole URI, a few % of a page)
        URI uri = uriInfo.getRequestUri();
        StringBuilder link = new StringBuilder(uri.getRawPath()).append('?');
        String query = uri.getRawQuery();
        if (query != null) {
            for (String parameter : query.split("&")) {
                int equals = parameter.indexOf('=');
                String name = equals < 0 ? parameter : parameter.substring(0, equals);
                if (!parameter.isEmpty() && !name.equals("offset") && !name.equals("after")) {
                    link.append(parameter).append('&');
                }
            }
        }
        return link.append("after=").append(next.encode()).toString();
    }
}
