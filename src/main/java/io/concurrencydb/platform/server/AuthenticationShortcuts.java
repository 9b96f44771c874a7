package io.concurrencydb.platform.server;

import jakarta.security.auth.message.AuthException;
import jakarta.security.auth.message.AuthStatus;
import jakarta.security.auth.message.MessageInfo;
import jakarta.security.auth.message.config.AuthConfigFactory.RegistrationContext;
import jakarta.security.auth.message.config.AuthConfigFactory;
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
 * Takes the server's authentication out of the way where its answer is already known, and leaves it every other
 * decision. On Payara, MicroProfile JWT is a Jakarta Security mechanism behind a Jakarta Authentication bridge
 * (Soteria) that runs for every request of the WAR, looking the bean manager up in JNDI and the identity store
 * handler up through {@code CDI.current()} (which walks the stack) each time. Measured with async-profiler on
 * 2026-12-03: a quarter of a read's CPU, and a third of a create's with the token's parsing and signature.
 *
 * <ul>
 * <li>A request with no {@code Authorization} and no {@code Cookie} header carries nothing that could
 * authenticate it: it proceeds unauthenticated, which is what the mechanism would answer.</li>
 * <li>A bearer token the mechanism accepted before logs the same caller in again without being verified
 * again, until it expires or for a minute at most ({@link VerifiedTokens}).</li>
 * <li>The per-response step, which for this mechanism only ever says "sent", is answered here.</li>
 * </ul>
 * Every other request goes through the bridge unchanged. It wraps only a registration made for this
 * application's own context, which is the bridge on Payara; on WildFly, whose MicroProfile JWT does not go
 * through Jakarta Authentication, there is none and it does nothing. No resource of the WAR is protected by a
 * security constraint (who may do what is {@link BearerAccessFilter}), and a request the container marks as
 * needing authentication is still left to the mechanism unless its token is one already verified.
 */
@WebListener
public class AuthenticationShortcuts implements ServletContextListener {

    private static final Logger LOG = Logger.getLogger(AuthenticationShortcuts.class.getName());
    private static final String LAYER = "HttpServlet";
    private static final String MANDATORY = "jakarta.security.auth.message.MessagePolicy.isMandatory";

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
        VerifiedTokens tokens = new VerifiedTokens(System::currentTimeMillis);
        factory.registerConfigProvider(new Provider(bridge, tokens), LAYER, appContext,
                "the server's authentication, with shortcuts where its answer is known");
        LOG.fine(() -> "the authentication bridge of " + appContext + " is wrapped");
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

    /** No credentials, and not a request the container marks as needing authentication. */
    private static boolean withoutCredentials(MessageInfo message) {
        Map<?, ?> map = message.getMap();
        if (map == null || "true".equalsIgnoreCase(String.valueOf(map.get(MANDATORY)))) {
            return false;
        }
        return message.getRequestMessage() instanceof HttpServletRequest request
                && request.getHeader("Authorization") == null && request.getHeader("Cookie") == null;
    }

    /**
     * The Authorization header of a bearer request without cookies, or null. With a cookie the mechanism may
     * be configured to read its token from there ({@code mp.jwt.token.header}), so such requests always go to it.
     */
    private static String bearer(MessageInfo message) {
        if (message.getRequestMessage() instanceof HttpServletRequest request && request.getHeader("Cookie") == null) {
            String authorization = request.getHeader("Authorization");
            return authorization != null && authorization.startsWith("Bearer ") ? authorization : null;
        }
        return null;
    }

    private record Provider(AuthConfigProvider bridge, VerifiedTokens tokens) implements AuthConfigProvider {

        @Override
        public ServerAuthConfig getServerAuthConfig(String layer, String appContext, CallbackHandler handler)
                throws AuthException {
            return new Config(bridge.getServerAuthConfig(layer, appContext, handler), tokens, handler);
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

    private record Config(ServerAuthConfig bridge, VerifiedTokens tokens, CallbackHandler container)
            implements ServerAuthConfig {

        @Override
        public ServerAuthContext getAuthContext(String id, Subject service, Map<String, Object> properties)
                throws AuthException {
            ServerAuthContext context = bridge.getAuthContext(id, service, properties);
            // without the container's callback handler a known token cannot log its caller in: no cache then
            return new Context(context, container == null ? null : tokens, container);
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

    private record Context(ServerAuthContext bridge, VerifiedTokens tokens, CallbackHandler container)
            implements ServerAuthContext {

        @Override
        public AuthStatus validateRequest(MessageInfo message, Subject client, Subject service)
                throws AuthException {
            if (withoutCredentials(message)) {
                return AuthStatus.SUCCESS;
            }
            String bearer = tokens == null ? null : bearer(message);
            VerifiedTokens.Verified known = bearer == null ? null : tokens.find(bearer);
            if (known != null) {
                known.login(client, container);
                return AuthStatus.SUCCESS;
            }
            AuthStatus status = bridge.validateRequest(message, client, service);
            if (status == AuthStatus.SUCCESS && bearer != null) {
                tokens.remember(bearer, client);
            }
            return status;
        }

        /**
         * What the bridge would answer, without asking it. The WAR's one mechanism, Payara's MicroProfile JWT,
         * keeps HttpAuthenticationMechanism's default secureResponse (SUCCESS, which the bridge turns into
         * SEND_SUCCESS), but to hear that the bridge looks the mechanism up in JNDI and CDI on every response:
         * 4 % of a create's CPU. A mechanism of the WAR's own that secures responses would need this removed.
         */
        @Override
        public AuthStatus secureResponse(MessageInfo message, Subject service) {
            return AuthStatus.SEND_SUCCESS;
        }

        @Override
        public void cleanSubject(MessageInfo message, Subject subject) throws AuthException {
            bridge.cleanSubject(message, subject);
        }
    }
}
