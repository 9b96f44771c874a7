package io.concurrencydb.platform.problem;

/** One violated rule of a request: the JSON member (or query parameter) and what is wrong with it. */
public record FieldError(String field, String message) {
}
