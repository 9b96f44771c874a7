package io.concurrencydb.catalog.boundary;

import io.concurrencydb.catalog.entity.ProductInUseException;
import io.concurrencydb.platform.problem.Problem;
import io.concurrencydb.platform.problem.ProblemMapper;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.Provider;

@Provider
public class ProductInUseMapper extends ProblemMapper<ProductInUseException> {

    @Override
    protected Problem problem(ProductInUseException failure) {
        return Problem.of(Status.CONFLICT, "product-in-use", "Product in use", failure.getMessage());
    }
}
