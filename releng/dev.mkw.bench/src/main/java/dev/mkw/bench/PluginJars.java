package dev.mkw.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

import dev.mkw.sim.bench.Benchmarks;

/** Which plugin jars contribute benchmarks: only those join the benchmarks' class path. */
final class PluginJars {
    private PluginJars() {}

    static boolean contributesBenchmarks(Path jar) {
        try (JarFile f = new JarFile(jar.toFile())) {
            ZipEntry xml = f.getEntry("plugin.xml");
            if (xml != null && new String(f.getInputStream(xml).readAllBytes(), StandardCharsets.UTF_8).contains(Benchmarks.EXTENSION_POINT)) return true;
            return f.getEntry("META-INF/services/dev.mkw.sim.bench.Benchmark") != null;
        } catch (IOException e) {
            return false; // not a readable jar: not a plugin of ours
        }
    }
}
