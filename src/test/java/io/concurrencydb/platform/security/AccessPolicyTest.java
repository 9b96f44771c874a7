package io.concurrencydb.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.concurrencydb.platform.security.AccessPolicy.Required;
import jakarta.enterprise.inject.spi.DeploymentException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The three settings of auth.required, and that a typo stops the deployment instead of opening it. */
class AccessPolicyTest {

    @Test
    void writesNeedTheWriterAndReadsArePublicByDefault() {
        Required required = AccessPolicy.parse(Optional.empty());
        assertEquals(Required.WRITES, required);
        for (String write : new String[] {"POST", "PUT", "PATCH", "DELETE"}) {
            assertEquals(Optional.of("writer"), required.roleFor(write), write);
        }
        assertEquals(Optional.empty(), required.roleFor("GET"));
        assertEquals(Optional.empty(), required.roleFor("HEAD"));
    }

    @Test
    void allProtectsReadsWithTheReader() {
        Required required = AccessPolicy.parse(Optional.of(" All "));
        assertEquals(Optional.of("reader"), required.roleFor("GET"));
        assertEquals(Optional.of("writer"), required.roleFor("DELETE"));
    }

    @Test
    void noneNeedsNothing() {
        Required required = AccessPolicy.parse(Optional.of("none"));
        assertEquals(Optional.empty(), required.roleFor("POST"));
        assertEquals(Optional.empty(), required.roleFor("GET"));
    }

    @Test
    void aTypoStopsTheDeployment() {
        assertThrows(DeploymentException.class, () -> AccessPolicy.parse(Optional.of("non")));
        assertThrows(DeploymentException.class, () -> AccessPolicy.parse(Optional.of("off")));
    }
}
