package io.concurrencydb.support;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;

/**
 * RS256 bearer tokens signed with a key pair of the build's own (target/jwt), the way an identity provider signs
 * them. The server trusts the public key, published as a JWKS with a key id as Keycloak publishes its keys,
 * through MP_JWT_VERIFY_PUBLICKEY_LOCATION, MP_JWT_VERIFY_ISSUER and MP_JWT_VERIFY_AUDIENCES, which the pom gives
 * every server the suite starts. Written with the JDK alone, so
 * that the tests can also build the tokens a well-behaved library refuses to make (alg none, HS256, tampered).
 */
public final class Tokens {

    public static final String ISSUER = "https://issuer.products.test";
    public static final String AUDIENCE = "products";
    public static final Path KEYS = Path.of("target", "jwt");
    /** The key's id in the suite's JWKS (target/jwt/jwks.json), as an identity provider publishes its keys. */
    public static final String KEY_ID = "it-key";

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static KeyPair keys;

    private Tokens() {
    }

    /** A token for {@code subject} with these roles, valid for an hour. */
    public static String of(String subject, String... roles) {
        return sign(header(), claims(subject, roles).build(), keys().getPrivate());
    }

    public static String writer() {
        return of("it-writer", "writer");
    }

    public static String reader() {
        return of("it-reader", "reader");
    }

    /** The caller id the service records for a token of {@code subject}. */
    public static String callerId(String subject) {
        return ISSUER + "#" + subject;
    }

    /** The claims a valid token carries, for a test to change one. */
    public static JsonObjectBuilder claims(String subject, String... roles) {
        return claims(ISSUER, subject, Duration.ofHours(1), roles);
    }

    /** The claims of a token from {@code issuer} for this service's audience, valid for {@code lifetime}. */
    public static JsonObjectBuilder claims(String issuer, String subject, Duration lifetime, String... roles) {
        long now = Instant.now().getEpochSecond();
        JsonArrayBuilder groups = Json.createArrayBuilder();
        for (String role : roles) {
            groups.add(role);
        }
        return Json.createObjectBuilder()
                .add("iss", issuer)
                .add("sub", subject)
                .add("aud", AUDIENCE)
                .add("iat", now)
                .add("exp", now + lifetime.toSeconds())
                .add("jti", UUID.randomUUID().toString())
                .add("groups", groups);
    }

    public static JsonObjectBuilder header() {
        return Json.createObjectBuilder().add("alg", "RS256").add("typ", "JWT").add("kid", KEY_ID);
    }

    public static String sign(JsonObjectBuilder header, JsonObject claims, PrivateKey key) {
        String signingInput = encode(header.build().toString()) + "." + encode(claims.toString());
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(key);
            rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + BASE64URL.encodeToString(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String encode(String json) {
        return BASE64URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    /** The suite's key pair: made once per build under target/jwt, before any server starts. */
    public static synchronized KeyPair keys() {
        if (keys == null) {
            keys = loadOrCreate(KEYS);
        }
        return keys;
    }

    /** A fresh key pair the server does not trust. */
    public static KeyPair otherKeys() {
        return generate();
    }

    /** The key pair kept in {@code dir} (private.pem, public.pem, jwks.json), made there first if missing. */
    public static KeyPair loadOrCreate(Path dir) {
        Path privatePem = dir.resolve("private.pem");
        Path publicPem = dir.resolve("public.pem");
        try {
            KeyPair pair;
            if (Files.exists(privatePem) && Files.exists(publicPem)) {
                KeyFactory rsa = KeyFactory.getInstance("RSA");
                PrivateKey privateKey = rsa.generatePrivate(new PKCS8EncodedKeySpec(pem(privatePem)));
                PublicKey publicKey = rsa.generatePublic(new X509EncodedKeySpec(pem(publicPem)));
                pair = new KeyPair(publicKey, privateKey);
            } else {
                pair = generate();
                Files.createDirectories(dir);
                Files.writeString(privatePem, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
                Files.writeString(publicPem, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
            }
            Files.writeString(dir.resolve("jwks.json"), jwks((RSAPublicKey) pair.getPublic()));
            return pair;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The public key as a JSON Web Key Set (RFC 7517), the form an identity provider publishes. */
    private static String jwks(RSAPublicKey key) {
        return Json.createObjectBuilder().add("keys", Json.createArrayBuilder().add(Json.createObjectBuilder()
                .add("kty", "RSA").add("use", "sig").add("alg", "RS256").add("kid", KEY_ID)
                .add("n", BASE64URL.encodeToString(unsigned(key.getModulus().toByteArray())))
                .add("e", BASE64URL.encodeToString(unsigned(key.getPublicExponent().toByteArray()))))).build()
                .toString();
    }

    private static byte[] unsigned(byte[] twosComplement) {
        return twosComplement.length > 1 && twosComplement[0] == 0
                ? Arrays.copyOfRange(twosComplement, 1, twosComplement.length) : twosComplement;
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    private static byte[] pem(Path file) throws IOException {
        String text = Files.readString(file).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return Base64.getDecoder().decode(text);
    }
}
