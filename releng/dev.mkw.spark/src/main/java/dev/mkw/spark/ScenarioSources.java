package dev.mkw.spark;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.impl.URIMappingRegistryImpl;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.resource.IResourceFactory;
import org.eclipse.xtext.resource.XtextResourceSet;

import com.google.inject.Injector;

import dev.mkw.cli.CliException;
import dev.mkw.dsl.Diagnostic;
import dev.mkw.dsl.LoadResult;
import dev.mkw.dsl.MkwStandaloneSetup;
import dev.mkw.dsl.ScenarioLoader;
import dev.mkw.scenario.Scenario;

/**
 * The text of a scenario file and of every file it imports, read once on the driver and
 * shipped with the sweep's tasks. Executors, possibly on machines that cannot see the
 * driver's files, load exactly these texts under the driver's file names: a run's error
 * names {@code FILE:LINE:COL} as on the driver, so its row is the local engine's row.
 */
final class ScenarioSources implements Serializable {
    private static final long serialVersionUID = 1L;
    private static Injector injector;

    /** The main file's name, as {@link ScenarioLoader#load(Path)} names it (absolute, normalized). */
    private final String mainFile;
    /** File name → text, the main file first. */
    private final LinkedHashMap<String, String> texts;
    private final String digest;

    private ScenarioSources(String mainFile, LinkedHashMap<String, String> texts) {
        this.mainFile = mainFile;
        this.texts = texts;
        this.digest = digestOf(texts);
    }

    /**
     * Read {@code file} and the files it imports, transitively, as the language resolves
     * them (Xtext's import resolution on a resource set of its own).
     */
    static ScenarioSources collect(Path file) throws CliException {
        String mainFile = file.toAbsolutePath().normalize().toString();
        LinkedHashMap<String, String> texts = new LinkedHashMap<>();
        try {
            texts.put(mainFile, Files.readString(file, StandardCharsets.UTF_8));
            XtextResourceSet rs = injector().getInstance(XtextResourceSet.class);
            rs.getResourceFactoryRegistry().getExtensionToFactoryMap().put("mkw", injector().getInstance(IResourceFactory.class));
            Resource main = rs.createResource(URI.createFileURI(mainFile));
            main.load(new ByteArrayInputStream(texts.get(mainFile).getBytes(StandardCharsets.UTF_8)), Map.of());
            EcoreUtil.resolveAll(rs);
            for (Resource r : new ArrayList<>(rs.getResources())) {
                if (r == main || !r.getURI().isFile() || r.getContents().isEmpty()) continue;
                String name = r.getURI().toFileString();
                texts.putIfAbsent(name, Files.readString(Path.of(name), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new CliException("cannot read the scenario for the cluster: " + e.getMessage());
        }
        return new ScenarioSources(mainFile, texts);
    }

    private static synchronized Injector injector() {
        if (injector == null) injector = new MkwStandaloneSetup().createInjectorAndDoEMFRegistration();
        return injector;
    }

    String mainFile() { return mainFile; }

    /** Every file name shipped, the main file first. */
    List<String> files() { return List.copyOf(texts.keySet()); }

    /** A digest of every file's name and text: equal digests, equal scenarios. */
    String digest() { return digest; }

    /**
     * Load the scenario from the shipped texts. Imports are read from private copies: while
     * the loader runs, EMF's URI map points each imported file's name at its copy, so the
     * files keep their names but never come from the executor's own disk.
     *
     * @throws IllegalStateException with the first error, if the scenario does not load here
     *         (e.g. a plugin the driver has is missing on this executor)
     */
    Scenario load() {
        return load(Map.of());
    }

    /** {@link #load()} with the scenario's parameters given these values (NAME → value as typed). */
    Scenario load(Map<String, String> params) {
        synchronized (ScenarioSources.class) {
            List<URI> mapped = new ArrayList<>();
            Path dir = null;
            try {
                dir = Files.createTempDirectory("mkw-sources");
                int n = 0;
                for (Map.Entry<String, String> e : texts.entrySet()) {
                    if (e.getKey().equals(mainFile)) continue;
                    Path copy = dir.resolve((n++) + ".mkw");
                    Files.writeString(copy, e.getValue(), StandardCharsets.UTF_8);
                    URI name = URI.createFileURI(e.getKey());
                    URIMappingRegistryImpl.INSTANCE.put(name, URI.createFileURI(copy.toString()));
                    mapped.add(name);
                }
                LoadResult r = ScenarioLoader.standalone().withParams(params).load(texts.get(mainFile), mainFile);
                if (r.hasErrors()) {
                    Diagnostic first = r.diagnostics().stream().filter(d -> d.severity() == Diagnostic.Severity.ERROR).findFirst().orElseThrow();
                    throw new IllegalStateException("the scenario does not load on this executor: " + first.format());
                }
                return r.scenario();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot copy the scenario's imports on this executor", e);
            } finally {
                for (URI u : mapped) URIMappingRegistryImpl.INSTANCE.remove(u);
                deleteQuietly(dir);
            }
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) return;
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) Files.deleteIfExists(f);
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // A temporary directory left behind costs a few bytes; the sweep goes on.
        }
    }

    private static String digestOf(Map<String, String> texts) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (Map.Entry<String, String> e : texts.entrySet()) {
                md.update(e.getKey().getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
                md.update(e.getValue().getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
