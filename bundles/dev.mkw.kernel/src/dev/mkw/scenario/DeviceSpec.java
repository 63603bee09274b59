package dev.mkw.scenario;

import java.util.Map;

/**
 * A device that raises IRQs.
 *
 * @param type       the device type: built in {@code timer}, {@code uart}, {@code block}, or one a
 *                   plugin contributes
 * @param name       the instance name
 * @param irq        the IRQ line it raises
 * @param parameters type-specific settings, e.g. {@code interval -> 50000} (cycles between
 *                   interrupts) or {@code service -> 120000} (block device service time)
 */
public record DeviceSpec(String type, String name, int irq, Map<String, String> parameters, SourceRef at) {
    public DeviceSpec {
        parameters = Map.copyOf(parameters);
    }
}
