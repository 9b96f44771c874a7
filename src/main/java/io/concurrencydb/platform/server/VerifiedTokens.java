package io.concurrencydb.platform.server;

import jakarta.security.auth.message.AuthException;
import jakarta.security.auth.message.callback.CallerPrincipalCallback;
import jakarta.security.auth.message.callback.GroupPrincipalCallback;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.UnsupportedCallbackException;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Bearer tokens the server's MicroProfile JWT mechanism has verified, by the exact Authorization header that
 * carried them, so that a client's next request with the same token logs the same caller in without parsing
 * the token and checking its RS256 signature again (with the bridge's CDI lookups, a third of a create's CPU).
 *
 * <p>Only what the mechanism accepted is kept: the token it put into the caller's Subject, with its groups. An
 * entry is used until the token's own expiry or for {@link #KEEP_MS} at most, whichever comes first, so a key
 * that stops being trusted (a rotated JWKS) or a maximum token age ({@code mp.jwt.verify.token.age}) is
 * honoured within that time; after that, the token is verified again in full. A different header value, even
 * one character, is a different key and goes to the mechanism. The table holds at most {@link #MAX} tokens.
 */
final class VerifiedTokens {

    static final long KEEP_MS = 60_000;
    static final int MAX = 1_000;

    private final Map<String, Verified> byHeader = new ConcurrentHashMap<>();
    private final LongSupplier clock;

    VerifiedTokens(LongSupplier clock) {
        this.clock = clock;
    }

    /** The token this exact Authorization header carried when it was verified, if it is still good. */
    Verified find(String authorization) {
        if (authorization == null) {
            return null;
        }
        Verified known = byHeader.get(authorization);
        if (known == null) {
            return null;
        }
        if (clock.getAsLong() >= known.goodUntil()) {
            byHeader.remove(authorization, known);
            return null;
        }
        return known;
    }

    /** Keeps the token the mechanism put into the caller's Subject, if it put one there. */
    void remember(String authorization, Subject client) {
        if (authorization == null || client == null) {
            return;
        }
        JsonWebToken token = client.getPrincipals(JsonWebToken.class).stream().findFirst().orElse(null);
        if (token == null || token.getExpirationTime() <= 0) {
            return;
        }
        long now = clock.getAsLong();
        long goodUntil = Math.min(token.getExpirationTime() * 1000, now + KEEP_MS);
        if (goodUntil <= now) {
            return;
        }
        if (byHeader.size() >= MAX) {
            byHeader.values().removeIf(v -> now >= v.goodUntil());
            if (byHeader.size() >= MAX) {
                byHeader.clear();
            }
        }
        String[] groups = token.getGroups() == null ? new String[0] : token.getGroups().toArray(String[]::new);
        byHeader.put(authorization, new Verified(token, groups, goodUntil));
    }

    record Verified(JsonWebToken token, String[] groups, long goodUntil) {

        /**
         * Logs the caller in as the mechanism and the bridge did the first time: the token into the Subject,
         * then the container told the caller and the groups through its callback handler.
         */
        void login(Subject client, CallbackHandler container) throws AuthException {
            client.getPrincipals().add(token);
            Callback caller = new CallerPrincipalCallback(client, token);
            Callback[] callbacks = groups.length == 0 ? new Callback[] {caller}
                    : new Callback[] {caller, new GroupPrincipalCallback(client, groups.clone())};
            try {
                container.handle(callbacks);
            } catch (IOException | UnsupportedCallbackException e) {
                AuthException failure = new AuthException("the container refused the caller of a verified token");
                failure.initCause(e);
                throw failure;
            }
        }
    }
}
