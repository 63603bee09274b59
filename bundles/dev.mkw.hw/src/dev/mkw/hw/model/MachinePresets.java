package dev.mkw.hw.model;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;

import dev.mkw.hw.sim.CacheSpec;
import dev.mkw.hw.sim.CostKind;
import dev.mkw.hw.sim.MachineDescription;
import dev.mkw.hw.sim.SimMachine;

/**
 * The machine presets: XMI models of real machines, each citing its sources. Built-in ones
 * ship in presets/; plugins add theirs through {@link PresetProvider} (ServiceLoader as plain
 * jars; the {@code dev.mkw.hw.presets} extension point in OSGi registers through
 * {@link #register}).
 */
public final class MachinePresets {
    private static final List<String> BUILT_IN = List.of("i486_50", "pentium_100", "x86_64_pcid", "cortex_a9");
    public static final String EXTENSION_POINT = "dev.mkw.hw.presets";
    private static MachinePresets instance;
    private final Map<String, URL> presets = new TreeMap<>();

    private MachinePresets() {
        for (String id : BUILT_IN) presets.put(id, MachinePresets.class.getResource("/presets/" + id + ".xmi"));
        // Plugins: the extension point dev.mkw.hw.presets in OSGi, ServiceLoader as plain jars.
        for (PresetProvider p : dev.mkw.sim.contrib.Contributions.discover(EXTENSION_POINT, PresetProvider.class, x -> x.getClass().getName()).items()) {
            register(p);
        }
    }

    public static synchronized MachinePresets get() {
        if (instance == null) instance = new MachinePresets();
        return instance;
    }

    public synchronized void register(PresetProvider p) {
        presets.putAll(p.presets());
    }

    public synchronized List<String> ids() {
        return List.copyOf(presets.keySet());
    }

    public synchronized boolean exists(String id) {
        return presets.containsKey(id);
    }

    /** The model object of a preset. */
    public EObject model(String id) {
        URL url;
        synchronized (this) {
            url = presets.get(id);
        }
        if (url == null) {
            throw new IllegalArgumentException("unknown machine preset '" + id + "'; known: " + String.join(", ", ids()));
        }
        Resource r = HwMetamodel.newResourceSet().createResource(URI.createURI("mkw-preset:/" + id + ".xmi"));
        try (InputStream in = url.openStream()) {
            r.load(in, Collections.emptyMap());
        } catch (IOException e) {
            throw new IllegalArgumentException("machine preset '" + id + "' cannot be read: " + e.getMessage(), e);
        }
        return r.getContents().get(0);
    }

    public MachineDescription description(String id) {
        return MachineReader.read(model(id));
    }

    /** A machine ready to simulate, with {@code cpus} overriding the preset's CPU count when > 0. */
    public SimMachine machine(String id, int cpus) {
        MachineDescription d = description(id);
        return new SimMachine(cpus > 0 ? d.withCpus(cpus) : d);
    }

    /** A machine from a preset with field overrides ({@link MachineOverrides}); {@code cpus} among them. */
    public SimMachine machine(String id, Map<String, String> overrides) {
        return new SimMachine(MachineReader.read(MachineOverrides.apply(model(id), overrides)));
    }

    /** A table of every preset for {@code mkw presets}. */
    public String describeAll() {
        StringBuilder b = new StringBuilder();
        b.append(String.format("%-12s %-44s %-8s %8s  %-26s %s%n", "ID", "MACHINE", "ISA", "MHZ", "TLB", "CACHES"));
        for (String id : ids()) {
            MachineDescription d = description(id);
            String tlb = d.mmu().tlbEntries() + " entries " + (d.mmu().taggedTlb() ? "tagged(" + d.mmu().asidBits() + "b)" : "untagged");
            StringBuilder caches = new StringBuilder();
            for (CacheSpec c : d.caches()) {
                if (caches.length() > 0) caches.append(", ");
                caches.append(c.name()).append(' ').append(c.sizeBytes() / 1024).append("K/").append(c.ways()).append("w/")
                        .append(c.lineBytes()).append("B ").append(c.writeBack() ? "wb" : "wt");
            }
            b.append(String.format("%-12s %-44s %-8s %8.0f  %-26s %s%n", id, d.title(), d.isa(), d.clockMhz(), tlb, caches));
        }
        return b.toString();
    }

    /** The costs of one preset with their sources, for {@code mkw presets ID}. */
    public String describe(String id) {
        EObject m = model(id);
        MachineDescription d = MachineReader.read(m);
        StringBuilder b = new StringBuilder();
        b.append(d.title()).append(" (").append(id).append("), ").append(d.isa()).append(", ").append(d.entryMechanism()).append('\n');
        b.append("sources: ").append(MachineReader.str(m, "sources")).append('\n');
        for (EObject c : MachineReader.list(m, "costs")) {
            b.append(String.format("  %-22s %6d cycles  %s%s%n", MachineReader.str(c, "kind"), MachineReader.lng(c, "cycles"),
                    MachineReader.str(c, "source"), MachineReader.bool(c, "estimated") ? "  [estimated]" : ""));
        }
        b.append(String.format("  memory %d MiB, latency %d cycles; %d IRQ lines%n", d.memoryBytes() >> 20, d.memoryLatency(), d.irqLines()));
        return b.toString();
    }

    static long cost(MachineDescription d, CostKind k) {
        return d.costs().get(k);
    }
}
