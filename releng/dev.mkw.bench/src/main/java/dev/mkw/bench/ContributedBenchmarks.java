package dev.mkw.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import dev.mkw.sim.bench.Benchmark;
import dev.mkw.sim.bench.Benchmarks;

/**
 * The benchmarks plugins contribute, found outside OSGi: the {@code dev.mkw.sim.benchmarks}
 * elements of every {@code plugin.xml} on the class path (what the extension registry reads
 * inside the products) and the {@code META-INF/services} entries {@link Benchmarks#discover}
 * would find. The built-ins are left out: {@code mkw bench} measures them with benchmarks of their own.
 */
public final class ContributedBenchmarks {
    private ContributedBenchmarks() {}

    /** The contributions by name, sorted; problems (a class that does not load, a name taken) are added to {@code problems}. */
    public static List<Benchmark> discover(ClassLoader loader, List<String> problems) {
        Set<String> builtIn = new java.util.HashSet<>();
        for (Benchmark b : Benchmarks.builtIns()) builtIn.add(b.name());
        TreeMap<String, Benchmark> byName = new TreeMap<>();
        for (Benchmark b : fromPluginXml(loader, problems)) add(byName, builtIn, b, problems);
        var services = java.util.ServiceLoader.load(Benchmark.class, loader).iterator();
        while (true) {
            try {
                if (!services.hasNext()) break;
                add(byName, builtIn, services.next(), problems);
            } catch (java.util.ServiceConfigurationError e) {
                problems.add(e.getMessage());
            }
        }
        return new ArrayList<>(byName.values());
    }

    private static void add(TreeMap<String, Benchmark> byName, Set<String> builtIn, Benchmark b, List<String> problems) {
        Benchmark earlier = byName.get(b.name());
        if (builtIn.contains(b.name()) || earlier != null && earlier.getClass() != b.getClass()) {
            problems.add("benchmark name '" + b.name() + "' of " + b.getClass().getName() + " is taken");
        } else {
            byName.put(b.name(), b);
        }
    }

    /** The contribution called {@code name}, in this JVM's class path (a forked JVM's set-up). */
    static Benchmark find(String name) {
        List<String> problems = new ArrayList<>();
        for (Benchmark b : discover(ContributedBenchmarks.class.getClassLoader(), problems)) if (b.name().equals(name)) return b;
        throw new IllegalStateException("no contributed benchmark '" + name + "' on the class path" + (problems.isEmpty() ? "" : ": " + problems));
    }

    private static List<Benchmark> fromPluginXml(ClassLoader loader, List<String> problems) {
        List<Benchmark> found = new ArrayList<>();
        Enumeration<URL> files;
        try {
            files = loader.getResources("plugin.xml");
        } catch (IOException e) {
            problems.add("cannot list plugin.xml files: " + e.getMessage());
            return found;
        }
        while (files.hasMoreElements()) {
            URL url = files.nextElement();
            try (InputStream in = url.openStream()) {
                DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
                f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
                Document doc = f.newDocumentBuilder().parse(in);
                NodeList extensions = doc.getElementsByTagName("extension");
                for (int i = 0; i < extensions.getLength(); i++) {
                    Element ext = (Element) extensions.item(i);
                    if (!Benchmarks.EXTENSION_POINT.equals(ext.getAttribute("point"))) continue;
                    NodeList items = ext.getElementsByTagName("benchmark");
                    for (int j = 0; j < items.getLength(); j++) {
                        String cls = ((Element) items.item(j)).getAttribute("class");
                        try {
                            Object o = Class.forName(cls, true, loader).getDeclaredConstructor().newInstance();
                            if (o instanceof Benchmark b) found.add(b);
                            else problems.add(url + ": " + cls + " is not a " + Benchmark.class.getName());
                        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
                            problems.add(url + ": " + cls + ": " + e);
                        }
                    }
                }
            } catch (Exception e) {
                problems.add(url + ": " + e.getMessage());
            }
        }
        return found;
    }
}
