package io.concurrencydb.platform;

/** Names shared by the OpenAPI annotations; the schemas themselves are in META-INF/openapi.yaml. */
public final class ApiDocs {

    public static final String PROBLEM = "application/problem+json";
    public static final String PROBLEM_SCHEMA = "Problem";
    public static final String PRODUCT_SCHEMA = "Product";
    public static final String PRODUCT_INPUT_SCHEMA = "ProductInput";
    public static final String PAGE_SCHEMA = "ProductPage";
    public static final String REPLAYED = "Idempotent-Replayed";
    public static final String BEARER = "bearer";
    public static final String UNAUTHORIZED = "Unauthorized";
    public static final String FORBIDDEN = "Forbidden";

    private ApiDocs() {
    }
}
