package dev.mkw.scenario;

import java.util.Map;

/**
 * The machine a scenario runs on: a preset by name ({@code i486_50}, {@code pentium_100},
 * {@code x86_64}, {@code cortex_a9}, ...) and overrides of single fields of the hardware
 * model, keyed by their path in the model (for example {@code cpus -> 2},
 * {@code cpu.clockMHz -> 66}, {@code tlb.entries -> 64}).
 */
public record MachineSpec(String preset, Map<String, String> overrides) {
    public MachineSpec {
        overrides = Map.copyOf(overrides);
    }

    /** The machine of a scenario that names none: Liedtke's i486 at 50 MHz. */
    public static final String DEFAULT_PRESET = "i486_50";

    public static MachineSpec preset(String name) {
        return new MachineSpec(name, Map.of());
    }
}
