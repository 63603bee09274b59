package dev.mkw.sim.export;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.mkw.sim.report.RunReport;

/**
 * Writes a finished run in one format. Implementations must be deterministic: the same
 * report gives the same bytes. Contribute one through the {@code dev.mkw.sim.exporters}
 * extension point, a {@code META-INF/services/dev.mkw.sim.export.Exporter} entry, or
 * {@link Exporters#register}. Needs a public no-argument constructor for the first two.
 */
public interface Exporter {
    /** A short stable id users type: {@code perfetto}, {@code csv}, {@code json}, {@code text}. */
    String id();

    /** The file name extension, without the dot: {@code json}, {@code csv}, {@code txt}. */
    String fileExtension();

    /** One line saying what the output is, for help texts. */
    default String description() { return id(); }

    /** Write the report. Does not close {@code out}. UTF-8 for text formats. */
    void write(RunReport report, OutputStream out) throws IOException;

    /** Write the report to a file, replacing it; parent folders are made. */
    default void write(RunReport report, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
            write(report, out);
        }
    }
}
