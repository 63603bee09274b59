package dev.mkw.dsl.ide.index;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.resource.persistence.SerializableResourceDescription;

/**
 * A {@link ScenarioIndex} on disk, so that a new session starts with the last one's index and
 * parses only the files that changed since (Xtext's own builder keeps its resource
 * descriptions the same way, as {@link SerializableResourceDescription}s). The file names the
 * language version it was written for; one written by another version, or unreadable, is
 * ignored (the index is then built from the files, as on a first start).
 */
public final class IndexStore {
    private static final String MAGIC = "MKW scenario index";
    /** The layout of this file; raise it when the layout changes. */
    private static final int FORMAT = 1;

    private IndexStore() {}

    /**
     * Writes every entry of {@code index} to {@code file}, replacing it only once complete (a
     * crash while writing leaves the previous file).
     *
     * @param language what the descriptions depend on (the language bundle's version)
     */
    public static void write(ScenarioIndex index, String language, Path file) throws IOException {
        List<ScenarioIndex.Entry> entries = new ArrayList<>();
        for (URI u : index.files()) {
            ScenarioIndex.Entry e = index.entry(u);
            if (e != null) entries.add(e);
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(tmp)); ObjectOutputStream out = new ObjectOutputStream(os)) {
            out.writeUTF(MAGIC);
            out.writeInt(FORMAT);
            out.writeUTF(language);
            out.writeInt(entries.size());
            for (ScenarioIndex.Entry e : entries) {
                out.writeUTF(e.file().toString());
                out.writeUTF(e.stamp());
                out.writeInt(e.imports().size());
                for (URI i : e.imports()) out.writeUTF(i.toString());
                e.description().writeExternal(out);
            }
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Reads {@code file} into {@code index}: the number of entries read, or -1 when there is no
     * usable file (missing, another format or language version, damaged), in which case the
     * index is left as it was. The language's EMF package must be registered (the descriptions
     * name its classes).
     */
    public static int read(Path file, String language, ScenarioIndex index) {
        if (!Files.isRegularFile(file)) return -1;
        List<Object[]> entries = new ArrayList<>();
        try (InputStream is = new BufferedInputStream(Files.newInputStream(file)); ObjectInputStream in = new BundleAwareInput(is)) {
            if (!MAGIC.equals(in.readUTF()) || in.readInt() != FORMAT || !language.equals(in.readUTF())) return -1;
            int n = in.readInt();
            for (int k = 0; k < n; k++) {
                URI uri = URI.createURI(in.readUTF());
                String stamp = in.readUTF();
                int imports = in.readInt();
                Set<URI> imported = new LinkedHashSet<>();
                for (int i = 0; i < imports; i++) imported.add(URI.createURI(in.readUTF()));
                SerializableResourceDescription d = new SerializableResourceDescription();
                d.readExternal(in);
                entries.add(new Object[] {uri, d, imported, stamp});
            }
        } catch (IOException | ClassNotFoundException | RuntimeException e) {
            // A damaged or foreign file costs a rebuild of the index, nothing more.
            return -1;
        }
        for (Object[] e : entries) {
            @SuppressWarnings("unchecked")
            Set<URI> imported = (Set<URI>) e[2];
            index.put((URI) e[0], (SerializableResourceDescription) e[1], imported, (String) e[3]);
        }
        return entries.size();
    }

    /**
     * Resolves the classes the descriptions write (Xtext's serializable descriptions, user data
     * maps) through Xtext's bundle first: under OSGi the stream's default choice of class loader
     * is whichever is nearest on the stack.
     */
    private static final class BundleAwareInput extends ObjectInputStream {
        BundleAwareInput(InputStream in) throws IOException {
            super(in);
        }

        @Override
        protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
            try {
                return Class.forName(desc.getName(), false, SerializableResourceDescription.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                return super.resolveClass(desc);
            }
        }
    }
}
