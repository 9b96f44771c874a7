package io.concurrencydb.platform.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.eclipse.microprofile.metrics.MetricUnits;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class MicroProfileMetricsTest {

    @Test
    @DisplayName("Timers are registered in nanoseconds up to Payara 7.2026.5, in seconds from 7.2026.6 and elsewhere")
    void timerUnitFollowsPayarasExporter() {
        assertEquals(MetricUnits.NANOSECONDS, MicroProfileMetrics.timerUnit("Payara Server 6.2025.9 #badassfish"));
        assertEquals(MetricUnits.NANOSECONDS, MicroProfileMetrics.timerUnit("Payara Micro 7.2026.5 #badassmicrofish"));
        assertEquals(MetricUnits.SECONDS, MicroProfileMetrics.timerUnit("Payara Micro 7.2026.6 #badassmicrofish"));
        assertEquals(MetricUnits.SECONDS, MicroProfileMetrics.timerUnit("Payara Micro 7.2026.11 #badassmicrofish"));
        assertEquals(MetricUnits.SECONDS, MicroProfileMetrics.timerUnit("Payara Server 8.2027.1"));
        assertEquals(MetricUnits.SECONDS, MicroProfileMetrics.timerUnit("Some other server 1.0"));
    }
}
