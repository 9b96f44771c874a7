package io.concurrencydb.platform.security;

import jakarta.security.auth.message.AuthException;
import jakarta.security.auth.message.AuthStatus;
import jakarta.security.auth.message.MessageInfo;
import jakarta.security.auth.message.config.AuthConfigFactory;
import jakarta.security.auth.message.config.AuthConfigFactory.RegistrationContext;
import jakarta.security.auth.message.config.AuthConfigProvider;
import jakarta.security.auth.message.config.ClientAuthConfig;
import jakarta.security.auth.message.config.ServerAuthConfig;
import jakarta.security.auth.message.config.ServerAuthContext;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.logging.Logger;
import javax.security.auth.Subject;
import javax.security.auth.callback.CallbackHandler;

/**
 * Lets a request that carries no credentials pass the server's authentication without running it. On Payara,
 * MicroProfile JWT is a Jakarta Security mechanism behind a Jakarta Authentication bridge (Soteria) that runs
 * for every request of the WAR; for a request with no token it finds nothing to do, but on the way it looks the
 * bean manager up in JNDI twice and the identity store handler up through {@code CDI.current()}, which walks the
 * stack: a quarter of the CPU a read by id costs (async-profiler, 2026-12-03). With no {@code Authorization}
 * and no {@code Cookie} header there is nothing that could authenticate the caller, so this answers what the
 * mechanism would have (proceed unauthenticated) and leaves every other request to it unchanged.
 *
 * <p>It wraps only a registration made for this application's own context, which is the bridge on Payara; on
 * WildFly, whose MicroProfile JWT does not go through Jakarta Authentication, there is none and it does nothing.
 * No resource of the WAR is protected by a security constraint (who may do what is {@link BearerAccessFilter}),
 * and a request the container marks as needing authentication is still left to the mechanism.
 */
@WebListener
public class TokenlessRequests implements ServletContextListener {

    private static final Logger LOG = Logger.getLogger(TokenlessRequests.class.getName());
    private static final String LAYER = "HttpServlet";
    private static final String MANDATORY = "jakarta.security.auth.message.MessagePolicy.isMandatory";
    private static final String PASSED = TokenlessRequests.class.getName() + ".passed";

    @Override
    public void contextInitialized(ServletContextEvent event) {
        ServletContext servlet = event.getServletContext();
        String appContext = servlet.getVirtualServerName() + " " + servlet.getContextPath();
        AuthConfigFactory factory = AuthConfigFactory.getFactory();
        if (factory == null) {
            return;
        }
        AuthConfigProvider bridge = factory.getConfigProvider(LAYER, appContext, null);
        if (bridge == null || !registeredFor(factory, bridge, appContext)) {
            return;
        }
        factory.registerConfigProvider(new Provider(bridge), LAYER, appContext,
                "the server's authentication, skipped for requests without credentials");
        LOG.fine(() -> "requests without credentials skip the authentication bridge of " + appContext);
    }

    private static boolean registeredFor(AuthConfigFactory factory, AuthConfigProvider provider, String appContext) {
        for (String id : factory.getRegistrationIDs(provider)) {
            RegistrationContext registration = factory.getRegistrationContext(id);
            if (registration != null && LAYER.equals(registration.getMessageLayer())
                    && appContext.equals(registration.getAppContext())) {
                return true;
            }
        }
        return false;
    }

    /** No credentials, not mandatory, and a message map to note the pass in for secureResponse. */
    private static boolean withoutCredentials(MessageInfo message) {
        Map<?, ?> map = message.getMap();
        if (map == null || "true".equalsIgnoreCase(String.valueOf(map.get(MANDATORY)))) {
            return false;
        }
        return message.getRequestMessage() instanceof HttpServletRequest request
                && request.getHeader("Authorization") == null && request.getHeader("Cookie") == null;
    }

    private record Provider(AuthConfigProvider bridge) implements AuthConfigProvider {

        @Override
        public ServerAuthConfig getServerAuthConfig(String layer, String appContext, CallbackHandler handler)
                throws AuthException {
            return new Config(bridge.getServerAuthConfig(layer, appContext, handler));
        }

        @Override
        public ClientAuthConfig getClientAuthConfig(String layer, String appContext, CallbackHandler handler)
                throws AuthException {
            return bridge.getClientAuthConfig(layer, appContext, handler);
        }

        @Override
        public void refresh() {
            bridge.refresh();
        }
    }

    private record Config(ServerAuthConfig bridge) implements ServerAuthConfig {

        @Override
        public ServerAuthContext getAuthContext(String id, Subject service, Map<String, Object> properties)
                throws AuthException {
            return new Context(bridge.getAuthContext(id, service, properties));
        }

        @Override
        public String getMessageLayer() {
            return bridge.getMessageLayer();
        }

        @Override
        public String getAppContext() {
            return bridge.getAppContext();
        }

        @Override
        public String getAuthContextID(MessageInfo message) {
            return bridge.getAuthContextID(message);
        }

        @Override
        public void refresh() {
            bridge.refresh();
        }

        @Override
        public boolean isProtected() {
            return bridge.isProtected();
        }
    }

    private record Context(ServerAuthContext bridge) implements ServerAuthContext {

        @Override
        public AuthStatus validateRequest(MessageInfo message, Subject client, Subject service)
                throws AuthException {
            if (withoutCredentials(message)) {
                message.getMap().put(PASSED, Boolean.TRUE);
                return AuthStatus.SUCCESS;
            }
            return bridge.validateRequest(message, client, service);
        }

        @Override
        public AuthStatus secureResponse(MessageInfo message, Subject service) throws AuthException {
            if (message.getMap() != null && Boolean.TRUE.equals(message.getMap().get(PASSED))) {
                return AuthStatus.SEND_SUCCESS;
            }
            return bridge.secureResponse(message, service);
        }

        @Override
        public void cleanSubject(MessageInfo message, Subject subject) throws AuthException {
            bridge.cleanSubject(message, subject);
        }
    }
}
