package io.concurrencydb.platform.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.Principal;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import javax.security.auth.Subject;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * When a verified token may log its caller in again: only the exact header that carried it, only while the token
 * has not expired and for a minute at most, and only what the mechanism put into the Subject.
 */
class VerifiedTokensTest {

    private static final long NOW = 1_800_000_000_000L;
    private final AtomicLong clock = new AtomicLong(NOW);
    private final VerifiedTokens tokens = new VerifiedTokens(clock::get);

    @Test
    @DisplayName("the exact header finds the token and its groups; one character more or less does not")
    void exactHeaderOnly() {
        Token token = new Token("alice", NOW / 1000 + 3600, Set.of("writer"));
        tokens.remember("Bearer abc", subjectWith(token));
        VerifiedTokens.Verified found = tokens.find("Bearer abc");
        assertNotNull(found);
        assertSame(token, found.token());
        assertArrayEquals(new String[] {"writer"}, found.groups());
        assertNull(tokens.find("Bearer abd"));
        assertNull(tokens.find("Bearer abc "));
        assertNull(tokens.find("Bearer ab"));
        assertNull(tokens.find(null));
    }

    @Test
    @DisplayName("an entry ends when the token expires, even within the minute")
    void endsAtExpiry() {
        long exp = NOW / 1000 + 10;
        tokens.remember("Bearer t", subjectWith(new Token("bob", exp, Set.of())));
        clock.set(exp * 1000 - 1);
        assertNotNull(tokens.find("Bearer t"));
        clock.set(exp * 1000);
        assertNull(tokens.find("Bearer t"));
        clock.set(NOW);
        assertNull(tokens.find("Bearer t"), "an ended entry is gone, not revived by an earlier clock");
    }

    @Test
    @DisplayName("an entry ends a minute after the token was verified, however long the token lives")
    void endsAfterAMinute() {
        tokens.remember("Bearer t", subjectWith(new Token("carol", NOW / 1000 + 86_400, Set.of("writer"))));
        clock.set(NOW + VerifiedTokens.KEEP_MS - 1);
        assertNotNull(tokens.find("Bearer t"));
        clock.set(NOW + VerifiedTokens.KEEP_MS);
        assertNull(tokens.find("Bearer t"));
    }

    @Test
    @DisplayName("nothing is kept for a Subject without a token, a token without expiry, or one already expired")
    void keepsOnlyVerifiedLiveTokens() {
        Subject plain = new Subject();
        plain.getPrincipals().add((Principal) () -> "someone");
        tokens.remember("Bearer a", plain);
        tokens.remember("Bearer b", subjectWith(new Token("dave", 0, Set.of("writer"))));
        tokens.remember("Bearer c", subjectWith(new Token("erin", NOW / 1000 - 5, Set.of("writer"))));
        assertNull(tokens.find("Bearer a"));
        assertNull(tokens.find("Bearer b"));
        assertNull(tokens.find("Bearer c"), "accepted within the clock skew: verified again every time");
    }

    @Test
    @DisplayName("the table never holds more than its bound")
    void bounded() {
        for (int i = 0; i < VerifiedTokens.MAX + 10; i++) {
            tokens.remember("Bearer " + i, subjectWith(new Token("t" + i, NOW / 1000 + 3600, Set.of())));
        }
        int kept = 0;
        for (int i = 0; i < VerifiedTokens.MAX + 10; i++) {
            kept += tokens.find("Bearer " + i) == null ? 0 : 1;
        }
        assertTrue(kept <= VerifiedTokens.MAX, kept + " kept");
        assertNotNull(tokens.find("Bearer " + (VerifiedTokens.MAX + 9)), "the newest is kept");
    }

    private static Subject subjectWith(JsonWebToken token) {
        Subject subject = new Subject();
        subject.getPrincipals().add(token);
        return subject;
    }

    /** A token as the mechanism leaves it in the Subject: a principal with claims. */
    private record Token(String name, long exp, Set<String> groups) implements JsonWebToken {

        @Override
        public String getName() {
            return name;
        }

        @Override
        public Set<String> getClaimNames() {
            return Set.of("sub", "exp", "groups");
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T getClaim(String claim) {
            Map<String, Object> claims = Map.of("sub", name, "exp", exp, "groups", groups);
            return (T) claims.get(claim);
        }
    }
}
