package dev.mkw.sim.export;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import dev.mkw.sim.contrib.Contributions;

/**
 * The exporters known to this process, by id. {@link #discover()} gives the built-ins plus
 * every contribution (extension point {@value #EXTENSION_POINT} under Equinox,
 * ServiceLoader as plain jars); {@link #register} adds one by hand. The first exporter of an
 * id wins, so a plugin cannot silently replace a built-in; later ones are noted as problems.
 */
public final class Exporters {
    public static final String EXTENSION_POINT = "dev.mkw.sim.exporters";

    private final Map<String, Exporter> byId = new TreeMap<>();
    private final List<String> problems = new ArrayList<>();

    /** The built-in exporters only. */
    public static Exporters builtIns() {
        Exporters e = new Exporters();
        e.register(new JsonReportExporter());
        e.register(new TextReportExporter());
        e.register(new StatsCsvExporter());
        e.register(new PerfettoTraceExporter());
        e.register(new HtmlReportExporter());
        return e;
    }

    /** The built-ins and every contributed exporter. */
    public static Exporters discover() {
        Exporters e = builtIns();
        Contributions.Found<Exporter> found = Contributions.discover(EXTENSION_POINT, Exporter.class, Exporter::id);
        found.items().forEach(e::register);
        e.problems.addAll(found.problems());
        return e;
    }

    /** Add an exporter; returns false (and notes a problem) if its id is taken. */
    public synchronized boolean register(Exporter exporter) {
        if (byId.containsKey(exporter.id())) {
            if (byId.get(exporter.id()).getClass() != exporter.getClass()) {
                problems.add("exporter id '" + exporter.id() + "' of " + exporter.getClass().getName()
                        + " is taken by " + byId.get(exporter.id()).getClass().getName());
            }
            return false;
        }
        byId.put(exporter.id(), exporter);
        return true;
    }

    public synchronized Optional<Exporter> find(String id) { return Optional.ofNullable(byId.get(id)); }

    /** The exporter of {@code id}; the message lists the known ids if there is none. */
    public synchronized Exporter get(String id) {
        Exporter e = byId.get(id);
        if (e == null) throw new IllegalArgumentException("no exporter '" + id + "'; known: " + String.join(", ", byId.keySet()));
        return e;
    }

    /** All exporters, sorted by id. */
    public synchronized List<Exporter> all() { return List.copyOf(byId.values()); }

    /** Contributions that could not be loaded or registered. */
    public synchronized List<String> problems() { return List.copyOf(problems); }
}
