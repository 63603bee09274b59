package dev.mkw.kernel.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import dev.mkw.kernel.Kernel;

/**
 * The kernel sees user code only through the system-call boundary: no class of the kernel's
 * packages ({@code dev.mkw.kernel..}) refers to the scenario interpreter ({@code dev.mkw.user})
 * or to a program's parts (operations, expressions, message specs, targets, timeouts).
 * Checked on the compiled classes' constant pools, so any reference, however written, counts.
 */
class SystemCallBoundaryTest {
    private static final List<String> FORBIDDEN = List.of("dev/mkw/user/", "dev/mkw/scenario/Op", "dev/mkw/scenario/Expr",
            "dev/mkw/scenario/MessageSpec", "dev/mkw/scenario/Target", "dev/mkw/scenario/Timeout", "dev/mkw/run/");

    @Test
    void noKernelClassRefersToTheInterpreterOrTheProgram() throws Exception {
        Path root = classesRoot();
        List<String> offenders = new ArrayList<>();
        int checked = 0;
        try (Stream<Path> files = Files.walk(root.resolve("dev/mkw/kernel"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                checked++;
                String pool = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                for (String bad : FORBIDDEN) if (pool.contains(bad)) offenders.add(root.relativize(f) + " -> " + bad);
            }
        }
        assertTrue(checked > 40, "found the kernel's classes (" + checked + ")");
        assertEquals(List.of(), offenders);
    }

    /** The check can fail: the interpreter's own classes do refer to the program. */
    @Test
    void theCheckSeesReferencesWhereTheyAre() throws Exception {
        Path f = classesRoot().resolve("dev/mkw/user/ScenarioThread.class");
        String pool = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
        assertTrue(pool.contains("dev/mkw/scenario/Op"));
        assertFalse(pool.isEmpty());
    }

    private static Path classesRoot() throws IOException, URISyntaxException {
        // The kernel bundle's classes: a directory in the reactor build, else the bundle's jar unpacked.
        var url = Kernel.class.getProtectionDomain().getCodeSource().getLocation();
        Path p = Path.of(url.toURI());
        if (Files.isDirectory(p)) return Files.isDirectory(p.resolve("dev")) ? p : p.resolve("target/classes");
        Path tmp = Files.createTempDirectory("mkw-kernel-classes");
        try (var zip = new java.util.zip.ZipFile(p.toFile())) {
            for (var e : java.util.Collections.list(zip.entries())) {
                if (e.isDirectory() || !e.getName().endsWith(".class")) continue;
                Path out = tmp.resolve(e.getName());
                Files.createDirectories(out.getParent());
                try (InputStream in = zip.getInputStream(e)) {
                    Files.copy(in, out);
                }
            }
        }
        return tmp;
    }
}
