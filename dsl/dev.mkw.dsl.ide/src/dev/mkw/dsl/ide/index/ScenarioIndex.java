package dev.mkw.dsl.ide.index;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.naming.QualifiedName;
import org.eclipse.xtext.resource.IEObjectDescription;
import org.eclipse.xtext.resource.IResourceDescription;
import org.eclipse.xtext.resource.IResourceDescriptions;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.impl.ResourceDescriptionsData;
import org.eclipse.xtext.resource.persistence.SerializableResourceDescription;

import dev.mkw.dsl.mkw.Import;
import dev.mkw.dsl.mkw.Model;

/**
 * The index of a workspace of scenario files: per file the names it exports (tasks, threads as
 * {@code task.thread}, protocols, messages as {@code Protocol.message}), the references it makes
 * into other files (Xtext resource descriptions, the same the language server's index holds)
 * and the files it imports. It answers what a builder and the refactorings need: which files
 * must be checked again when some change (those that import them, directly or through other
 * imports), and which files can refer to a declaration. Thread-safe; entries are copies that
 * hold no EMF resource.
 */
public final class ScenarioIndex {
    private final Map<URI, Set<URI>> imports = new HashMap<>();
    /** Per file, what its content was when indexed (the caller's token, e.g. a modification stamp); "" when unknown. */
    private final Map<URI, String> stamps = new HashMap<>();
    private ResourceDescriptionsData data = new ResourceDescriptionsData(List.of());
    /** Counts changes, so a store knows whether there is anything new to write. */
    private long changes;

    /**
     * Records what {@code resource} (parsed and linked) exports, refers to and imports, replacing
     * its previous entry. Call with the imports loadable: the references are resolved now.
     */
    public void update(XtextResource resource) {
        update(resource, "");
    }

    /**
     * As {@link #update(XtextResource)}, remembering {@code stamp}: what identifies the content
     * that was indexed, so that an index read back in a later session can tell which entries are
     * still current ({@link #stamp(URI)}). "" for content that has no stamp (an unsaved editor).
     */
    public void update(XtextResource resource, String stamp) {
        IResourceDescription.Manager manager = resource.getResourceServiceProvider().getResourceDescriptionManager();
        SerializableResourceDescription copy = SerializableResourceDescription.createCopy(manager.getResourceDescription(resource));
        put(resource.getURI(), copy, importsOf(resource), stamp);
    }

    /** Adds an entry as it was stored (see {@link IndexStore}). */
    synchronized void put(URI file, SerializableResourceDescription description, Set<URI> imported, String stamp) {
        data.addDescription(file, description);
        imports.put(file, Set.copyOf(imported));
        stamps.put(file, stamp);
        changes++;
    }

    public synchronized void remove(URI file) {
        data.removeDescription(file);
        if (imports.remove(file) != null) changes++;
        stamps.remove(file);
    }

    /** The stamp {@code file} was indexed with, or null when it is not in the index. */
    public synchronized String stamp(URI file) {
        return stamps.get(file);
    }

    /** How many changes the index has seen; equal counts mean equal content. */
    public synchronized long changes() {
        return changes;
    }

    /** The entry of {@code file} for a store: its description, imports and stamp; null if absent. */
    synchronized Entry entry(URI file) {
        IResourceDescription d = data.getResourceDescription(file);
        return d == null ? null : new Entry(file, (SerializableResourceDescription) d, imports.get(file), stamps.getOrDefault(file, ""));
    }

    /** One file's entry as a store writes it. */
    record Entry(URI file, SerializableResourceDescription description, Set<URI> imports, String stamp) {}

    /** Forget every file under {@code prefix} (a project's folder URI ending in '/'). */
    public synchronized void removeAll(String prefix) {
        for (URI u : List.copyOf(imports.keySet())) if (u.toString().startsWith(prefix)) remove(u);
    }

    public synchronized boolean contains(URI file) {
        return imports.containsKey(file);
    }

    public synchronized Set<URI> files() {
        return Set.copyOf(imports.keySet());
    }

    /** A snapshot of the descriptions, safe to read while the index changes. */
    public synchronized IResourceDescriptions descriptions() {
        return data.copy();
    }

    /** The files that import any of {@code changed}, directly or through other imports (not {@code changed} themselves). */
    public synchronized Set<URI> importersOf(Collection<URI> changed) {
        Set<URI> out = new LinkedHashSet<>();
        Deque<URI> work = new ArrayDeque<>(changed);
        while (!work.isEmpty()) {
            URI target = work.poll();
            for (Map.Entry<URI, Set<URI>> e : imports.entrySet()) {
                if (e.getValue().contains(target) && !changed.contains(e.getKey()) && out.add(e.getKey())) work.add(e.getKey());
            }
        }
        return out;
    }

    /** Every exported qualified name, sorted (for tests and a look at what the index knows). */
    public synchronized Set<String> exportedNames() {
        Set<String> names = new TreeSet<>();
        for (IEObjectDescription d : data.getExportedObjects()) names.add(d.getQualifiedName().toString());
        return names;
    }

    /** The files exporting {@code name}. */
    public synchronized Set<URI> filesExporting(QualifiedName name) {
        Set<URI> files = new LinkedHashSet<>();
        for (IEObjectDescription d : data.getExportedObjects(org.eclipse.emf.ecore.EcorePackage.Literals.EOBJECT, name, false)) {
            files.add(d.getEObjectURI().trimFragment());
        }
        return files;
    }

    /** The imports of a parsed file, as absolute URIs (resolved against the file, as the scope provider does). */
    public static Set<URI> importsOf(XtextResource resource) {
        Set<URI> out = new LinkedHashSet<>();
        if (resource.getContents().isEmpty() || !(resource.getContents().get(0) instanceof Model m)) return out;
        for (Import i : m.getImports()) {
            if (i.getImportURI() == null) continue;
            URI u = URI.createURI(i.getImportURI());
            out.add(u.isRelative() && resource.getURI() != null ? u.resolve(resource.getURI()) : u);
        }
        return out;
    }
}
