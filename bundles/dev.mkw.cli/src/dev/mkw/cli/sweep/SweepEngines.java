package dev.mkw.cli.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;

import dev.mkw.cli.CliException;

/** The sweep engines: {@code local}, built in, and those on the class path ({@link ServiceLoader}). */
public final class SweepEngines {
    private SweepEngines() {}

    /** The engine the command line names when it names none. */
    public static final String DEFAULT = "local";

    /** Options of the cluster engine; the command line accepts them always, so a misplaced one gets a clear message. */
    public static final Set<String> CLUSTER_OPTIONS = Set.of("master", "parquet", "conf");

    /** The engine called {@code id}, or a clear refusal (exit code 2). */
    public static SweepEngine find(String id) throws CliException {
        List<String> problems = new ArrayList<>();
        List<SweepEngine> all = all(problems);
        for (SweepEngine e : all) if (e.id().equals(id)) return e;
        String why = problems.isEmpty() ? "" : " (an engine on the class path did not load: " + String.join("; ", problems) + ")";
        if (id.equals("spark")) {
            throw new CliException("the Spark engine is not in this installation (Spark stays out of the headless product); "
                    + "'./mkw sweep ... --engine spark' starts MKW's Spark application jar (releng/dev.mkw.spark, built by './mkw build')" + why);
        }
        List<String> ids = new ArrayList<>();
        for (SweepEngine e : all) ids.add(e.id());
        if (!ids.contains("spark")) ids.add("spark");
        throw new CliException("unknown sweep engine '" + id + "'; known: " + String.join(", ", ids) + why);
    }

    private static List<SweepEngine> all(List<String> problems) {
        List<SweepEngine> all = new ArrayList<>();
        all.add(new LocalSweepEngine());
        try {
            var it = ServiceLoader.load(SweepEngine.class, SweepEngine.class.getClassLoader()).iterator();
            while (true) {
                try {
                    if (!it.hasNext()) break;
                    all.add(it.next());
                } catch (ServiceConfigurationError | LinkageError e) {
                    problems.add(String.valueOf(e.getMessage()));
                }
            }
        } catch (ServiceConfigurationError e) {
            problems.add(String.valueOf(e.getMessage()));
        }
        return all;
    }
}
