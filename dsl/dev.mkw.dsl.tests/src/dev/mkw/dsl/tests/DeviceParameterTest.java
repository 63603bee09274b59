package dev.mkw.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.mkw.dsl.Diagnostic;
import dev.mkw.dsl.LoadResult;
import dev.mkw.dsl.ScenarioLoader;
import dev.mkw.scenario.DeviceSpec;

/**
 * Issue 22: a device's parameters take scenario parameters ({@code interval rate cycles}), so an
 * interrupt rate is set with {@code --set param.rate=V} and swept with {@code --vary}. The values
 * the device will get are checked when the file loads, and a bad one is an error at its
 * position that names the parameter it came from.
 */
class DeviceParameterTest {
    private static final String TEXT = """
            scenario D
            param gap default 20000
            task driver {
                thread uart priority 200 { repeat 3 { compute 10 cycles } }
            }
            irq 4 -> driver.uart
            device uart com1 irq 4 interval gap cycles distribution poisson fifo-trigger 4 mode fifo
            device block disk irq 5 service-time gap * 10 cycles interval (gap + 1000) / 2
            """;

    private static LoadResult load(String text, Map<String, String> params) {
        return ScenarioLoader.standalone().withParams(params).load(text, "/tmp/device-test.mkw");
    }

    private static List<String> messages(LoadResult r) {
        return r.diagnostics().stream().map(Diagnostic::format).toList();
    }

    @Test
    void aDeviceParameterIsTheScenarioParameterOfTheLoad() {
        LoadResult r = load(TEXT, Map.of());
        assertFalse(r.hasErrors(), messages(r).toString());
        DeviceSpec uart = r.scenario().devices().get(0), disk = r.scenario().devices().get(1);
        assertEquals(Map.of("interval", "20000", "distribution", "poisson", "fifo-trigger", "4", "mode", "fifo"), uart.parameters());
        assertEquals(Map.of("service-time", "200000", "interval", "10500"), disk.parameters());
        LoadResult given = load(TEXT, Map.of("gap", "5000"));
        assertEquals("5000", given.scenario().devices().get(0).parameters().get("interval"), "--set param.gap=5000");
        assertEquals("50000", given.scenario().devices().get(1).parameters().get("service-time"));
        assertFalse(messages(r).stream().anyMatch(m -> m.contains("never used")), "a device's use counts: " + messages(r));
    }

    @Test
    void aBadValueIsAnErrorAtItsPositionNamingTheParameterItCameFrom() {
        LoadResult r = load(TEXT, Map.of("gap", "0"));
        assertTrue(r.hasErrors());
        assertTrue(messages(r).contains("/tmp/device-test.mkw:7:33: error: device com1: parameter interval must be at least 1, got 0 (from param gap = 0, given from outside)"),
                messages(r).toString());
        LoadResult literal = load(TEXT.replace("interval gap cycles", "interval 0 cycles"), Map.of());
        assertTrue(messages(literal).contains("/tmp/device-test.mkw:7:33: error: device com1: parameter interval must be at least 1, got 0"), messages(literal).toString());
        LoadResult word = load(TEXT.replace("distribution poisson", "distribution gaussian"), Map.of());
        assertTrue(messages(word).stream().anyMatch(m -> m.startsWith("/tmp/device-test.mkw:7:") && m.contains("parameter distribution must be fixed or poisson, got 'gaussian'")),
                messages(word).toString());
    }

    @Test
    void valuesWithoutAValueAndKeysTheDeviceIgnoresAreRefused() {
        LoadResult field = load(TEXT.replace("interval gap cycles", "interval gap2 * 2 cycles"), Map.of());
        assertTrue(messages(field).contains("/tmp/device-test.mkw:7:33: error: device com1: the value of interval is a number, a scenario parameter (param NAME default V) or arithmetic of them,"
                + " or a word (distribution poisson); 'gap2 * 2' has no value when the device is made"), messages(field).toString());
        LoadResult typo = load(TEXT.replace("mode fifo", "mdoe fifo"), Map.of());
        assertTrue(messages(typo).stream().anyMatch(m -> m.startsWith("/tmp/device-test.mkw:7:") && m.contains("error: device com1: a uart has no parameter 'mdoe'; it reads ")
                && m.contains("distribution, fifo-trigger, interval, mode, start")), messages(typo).toString());
        LoadResult twice = load(TEXT.replace("mode fifo", "interval 3 cycles"), Map.of());
        assertTrue(messages(twice).stream().anyMatch(m -> m.contains("error: device com1: parameter interval is given twice")), messages(twice).toString());
    }
}
