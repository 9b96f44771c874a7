package io.concurrencydb.platform.security;

import java.security.Principal;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The stable id recorded as who created or changed something: the token's issuer and subject, which OpenID
 * Connect guarantees to identify one account for good (a display name or e-mail can change or be reused).
 * An issuer has no fragment, so '#' cannot be part of it.
 */
public final class Callers {

    private Callers() {
    }

    /** The caller's id, or null for a request without a verified token (possible with auth.required=none). */
    public static String id(Principal principal) {
        if (principal instanceof JsonWebToken token && token.getSubject() != null) {
            return token.getIssuer() + "#" + token.getSubject();
        }
        return null;
    }
}
