package dev.mkw.sim.export;

import java.util.List;
import java.util.Optional;

import dev.mkw.sim.contrib.ContributionRegistry;

/**
 * The exporters known to this process, by id. {@link #discover()} gives the built-ins plus
 * every contribution (extension point {@value #EXTENSION_POINT} under Equinox,
 * ServiceLoader as plain jars); {@link #register} adds one by hand. Conflicts follow the rule
 * of every {@link ContributionRegistry}: the first exporter of an id keeps it, so a plugin
 * cannot silently replace a built-in; later ones are noted as problems.
 */
public final class Exporters {
    public static final String EXTENSION_POINT = "dev.mkw.sim.exporters";

    private final ContributionRegistry<Exporter> registry = new ContributionRegistry<>("exporter", Exporter::id, true);

    /** The built-in exporters only. */
    public static Exporters builtIns() {
        Exporters e = new Exporters();
        e.registry.registerAll(List.of(new JsonReportExporter(), new TextReportExporter(), new StatsCsvExporter(),
                new PerfettoTraceExporter(), new HtmlReportExporter()));
        return e;
    }

    /** The built-ins and every contributed exporter. */
    public static Exporters discover() {
        Exporters e = builtIns();
        e.registry.discover(EXTENSION_POINT, Exporter.class);
        return e;
    }

    /** Add an exporter; returns false (and notes a problem) if its id is taken. */
    public boolean register(Exporter exporter) { return registry.register(exporter); }

    public Optional<Exporter> find(String id) { return registry.find(id); }

    /** The exporter of {@code id}; the message lists the known ids if there is none. */
    public Exporter get(String id) {
        return registry.find(id).orElseThrow(() -> new IllegalArgumentException("no exporter '" + id + "'; known: " + String.join(", ", registry.ids())));
    }

    /** All exporters, sorted by id. */
    public List<Exporter> all() { return registry.all(); }

    /** Contributions that could not be loaded or registered. */
    public List<String> problems() { return registry.problems(); }
}
