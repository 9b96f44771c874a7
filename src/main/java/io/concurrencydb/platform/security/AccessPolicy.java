package io.concurrencydb.platform.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.DeploymentException;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Which requests need a bearer token, from the setting {@code auth.required} (environment {@code AUTH_REQUIRED}):
 * {@code writes} (the default: every write needs the role writer, reads are public, as a catalogue is),
 * {@code all} (reads need the role reader too) or {@code none} (no token needed, for clients of the original
 * service; logged as a warning at every start and shown by /health).
 *
 * <p>Checked when the application starts, so that a typo or a missing token setting stops the deployment instead
 * of leaving it open or refusing every token: a key, the issuer and the audience must be set (without
 * {@code mp.jwt.verify.audiences}, a token the same identity provider issued for any other service would be
 * accepted here).
 */
@ApplicationScoped
public class AccessPolicy {

    public static final String SETTING = "auth.required";
    public static final String READER = "reader";
    public static final String WRITER = "writer";

    static final String AUDIENCES = "mp.jwt.verify.audiences";
    static final String ISSUER = "mp.jwt.verify.issuer";
    static final String KEY = "mp.jwt.verify.publickey";
    static final String KEY_LOCATION = "mp.jwt.verify.publickey.location";
    static final String CLOCK_SKEW = "mp.jwt.verify.clock.skew";
    /** META-INF/microprofile-config.properties's stand-in: no token carries it. */
    static final String NO_ISSUER = "urn:products:issuer-not-configured";

    private static final Logger LOG = Logger.getLogger(AccessPolicy.class.getName());

    /** What the setting names. */
    public enum Required {
        WRITES, ALL, NONE;

        /** The role a request with this HTTP method needs, or empty when it needs none. */
        Optional<String> roleFor(String method) {
            boolean read = method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS");
            return switch (this) {
                case NONE -> Optional.empty();
                case WRITES -> read ? Optional.empty() : Optional.of(WRITER);
                case ALL -> Optional.of(read ? READER : WRITER);
            };
        }
    }

    private final Required required;
    private final long clockSkewSeconds;

    public AccessPolicy() {
        Config config = ConfigProvider.getConfig();
        this.required = parse(config.getOptionalValue(SETTING, String.class));
        this.clockSkewSeconds = config.getOptionalValue(CLOCK_SKEW, Long.class).orElse(0L);
        if (required != Required.NONE) {
            requireTokenSettings(config);
        }
    }

    private static void requireTokenSettings(Config config) {
        String fix = " Set it, or set " + SETTING + "=none (AUTH_REQUIRED=none) to run without authentication.";
        if (config.getOptionalValue(KEY, String.class).isEmpty()
                && config.getOptionalValue(KEY_LOCATION, String.class).isEmpty()) {
            throw new DeploymentException("No key to verify bearer tokens with: " + KEY
                    + " (MP_JWT_VERIFY_PUBLICKEY) or " + KEY_LOCATION + " (MP_JWT_VERIFY_PUBLICKEY_LOCATION)." + fix);
        }
        if (config.getOptionalValue(ISSUER, String.class).filter(issuer -> !issuer.equals(NO_ISSUER)).isEmpty()) {
            throw new DeploymentException(ISSUER + " (MP_JWT_VERIFY_ISSUER) is not set." + fix);
        }
        if (config.getOptionalValue(AUDIENCES, String.class).isEmpty()) {
            throw new DeploymentException(AUDIENCES + " (MP_JWT_VERIFY_AUDIENCES) is not set: tokens the identity "
                    + "provider issued for other services would be accepted." + fix);
        }
    }

    void started(@Observes @Initialized(ApplicationScoped.class) Object context) {
        if (required == Required.NONE) {
            LOG.warning(SETTING + "=none: authentication is OFF, anyone who reaches the port can change and "
                    + "delete products");
        } else {
            LOG.info(SETTING + "=" + name() + ": writes need a bearer token with the role " + WRITER
                    + (required == Required.ALL ? ", reads the role " + READER : ", reads are public"));
        }
    }

    /** The role a request needs, or empty when it needs none. */
    public Optional<String> roleFor(String method) {
        return required.roleFor(method);
    }

    public String name() {
        return required.name().toLowerCase(Locale.ROOT);
    }

    public boolean enabled() {
        return required != Required.NONE;
    }

    long clockSkewSeconds() {
        return clockSkewSeconds;
    }

    static Required parse(Optional<String> value) {
        String text = value.orElse("writes").trim().toUpperCase(Locale.ROOT);
        try {
            return Required.valueOf(text);
        } catch (IllegalArgumentException e) {
            throw new DeploymentException(SETTING + " must be writes, all or none, not '" + value.orElse("") + "'");
        }
    }
}
