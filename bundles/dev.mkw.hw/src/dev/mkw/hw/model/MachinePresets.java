package dev.mkw.hw.model;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;

import dev.mkw.hw.sim.MachineDescription;
import dev.mkw.hw.sim.SimMachine;
import dev.mkw.sim.contrib.ContributionRegistry;
import dev.mkw.sim.contrib.Contributions;

/**
 * The machine presets: XMI models of real machines, each citing its sources. Built-in ones
 * ship in presets/; plugins add theirs through a {@link PresetProvider}, found through the
 * extension point {@value #EXTENSION_POINT} in OSGi and {@link java.util.ServiceLoader} as
 * plain jars, or handed to {@link #register}. A {@link ContributionRegistry}: the first preset
 * of an id keeps it, so a plugin cannot replace a built-in preset (a run on {@code i486_50}
 * is the same run wherever it happens).
 */
public final class MachinePresets {
    public static final String EXTENSION_POINT = "dev.mkw.hw.presets";
    private static final List<String> BUILT_IN = List.of("i486_50", "pentium_100", "x86_64_pcid", "cortex_a9", "cortex_a53", "cortex_a76");
    private static MachinePresets instance;
    /** One preset: its id, its model's file and the class that provided it. */
    private record Preset(String id, URL url, Class<?> provider) {}

    private final ContributionRegistry<Preset> presets = new ContributionRegistry<>("machine preset", Preset::id, Preset::provider, true);

    private MachinePresets(boolean discover) {
        for (String id : BUILT_IN) presets.register(new Preset(id, MachinePresets.class.getResource("/presets/" + id + ".xmi"), MachinePresets.class));
        if (!discover) return;
        Contributions.Found<PresetProvider> found = Contributions.discover(EXTENSION_POINT, PresetProvider.class, x -> x.getClass().getName());
        found.problems().forEach(presets::problem);
        for (PresetProvider p : found.items()) register(p);
    }

    /** The built-in presets and every contributed one (discovered once). */
    public static synchronized MachinePresets get() {
        if (instance == null) instance = new MachinePresets(true);
        return instance;
    }

    /** Only the built-in presets: for tests that must not see plugins. */
    public static MachinePresets builtIn() {
        return new MachinePresets(false);
    }

    /** Add a provider's presets (in id order); an id another provider (or the built-ins) holds is refused and noted in {@link #problems}. */
    public void register(PresetProvider p) {
        for (Map.Entry<String, URL> e : new TreeMap<>(p.presets()).entrySet()) presets.register(new Preset(e.getKey(), e.getValue(), p.getClass()));
    }

    public List<String> ids() {
        return List.copyOf(presets.ids());
    }

    public boolean exists(String id) {
        return presets.exists(id);
    }

    /** Contributions that could not be loaded or were refused. */
    public List<String> problems() {
        return presets.problems();
    }

    /** A fresh copy of a preset's model (change it freely); IllegalArgumentException naming the known ids for an unknown one. */
    public Machine model(String id) {
        URL url = presets.find(id).map(Preset::url).orElse(null);
        if (url == null) throw new IllegalArgumentException("unknown machine preset '" + id + "'; known: " + String.join(", ", ids()));
        return read(url, id);
    }

    /** The contract's name for {@link #model}. */
    public static Machine load(String id) {
        return get().model(id);
    }

    /** Read a machine model from an XMI file anywhere (a preset of one's own). */
    public static Machine read(URL url, String what) {
        Resource r = HwMetamodel.newResourceSet().createResource(URI.createURI("mkw-preset:/" + what + ".xmi"));
        try (InputStream in = url.openStream()) {
            r.load(in, Collections.emptyMap());
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("machine preset '" + what + "' cannot be read: " + e.getMessage(), e);
        }
        if (r.getContents().isEmpty() || !(r.getContents().get(0) instanceof Machine m)) {
            EObject first = r.getContents().isEmpty() ? null : r.getContents().get(0);
            throw new IllegalArgumentException("machine preset '" + what + "' holds " + (first == null ? "nothing" : "a " + first.eClass().getName()) + ", not a Machine");
        }
        return m;
    }

    /** The problems of a preset (empty if it is sound): for {@code mkw presets} and tests. */
    public List<String> validate(String id) {
        return MachineModelValidator.problems(model(id));
    }

    public MachineDescription description(String id) {
        return MachineFactory.describe(model(id));
    }

    /** A machine ready to simulate, with {@code cpus} overriding the preset's CPU count when > 0. */
    public SimMachine machine(String id, int cpus) {
        MachineDescription d = description(id);
        return new SimMachine(cpus > 0 ? d.withCpus(cpus) : d);
    }

    /** A machine from a preset with field overrides ({@link MachineOverrides}); {@code cpus} among them. */
    public SimMachine machine(String id, Map<String, String> overrides) {
        return MachineFactory.build((Machine) MachineOverrides.apply(model(id), overrides));
    }

    /** One line per preset for {@code mkw presets}. */
    public String describeAll() {
        List<MachineDescription> all = new ArrayList<>();
        for (String id : ids()) all.add(description(id));
        return PresetDescriptions.table(all);
    }

    /** One preset in full for {@code mkw presets ID}: every figure with its source. */
    public String describe(String id) {
        Machine m = model(id);
        return PresetDescriptions.full(m, MachineFactory.describe(m));
    }
}
