package io.concurrencydb.platform.problem;

import io.concurrencydb.platform.data.Sql;
import jakarta.ejb.EJBException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Providers;
import jakarta.ws.rs.core.Context;

/**
 * The last resort: a 500 whose body names an incident id and nothing else; the details go to the server log
 * under that id. EJB containers wrap unchecked failures in EJBException, so this unwraps them first and hands a
 * known failure to its own mapper; a lost database connection anywhere in the causes is a 503.
 */
@Provider
public class UnexpectedFailureMapper extends ProblemMapper<Throwable> {

    @Context
    Providers providers;

    @Override
    protected Problem problem(Throwable failure) {
        return Failures.incident(failure);
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Response toResponse(Throwable failure) {
        Throwable cause = failure.getCause();
        if (failure instanceof EJBException && cause != null) {
            ExceptionMapper mapper = providers.getExceptionMapper(cause.getClass());
            if (mapper != null && mapper != this) {
                return mapper.toResponse(cause);
            }
        }
        if (failure instanceof WebApplicationException web) {
            return providers.getExceptionMapper(WebApplicationException.class).toResponse(web);
        }
        // a lost connection can also surface at commit, wrapped by the container: the outcome is unknown,
        // so the client must not see a 2xx, and a retry is the right advice
        if (Sql.isConnectionFailure(failure)) {
            return providers.getExceptionMapper(DatabaseUnavailableException.class)
                    .toResponse(new DatabaseUnavailableException(failure));
        }
        return super.toResponse(failure);
    }
}
