package dev.mkw.sim.tests;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import dev.mkw.sim.export.Exporter;
import dev.mkw.sim.report.RunReport;

/** Runs an exporter into memory. */
final class Outputs {
    private Outputs() {}

    static byte[] bytes(Exporter e, RunReport r) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            e.write(r, out);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return out.toByteArray();
    }

    static String text(Exporter e, RunReport r) { return new String(bytes(e, r), StandardCharsets.UTF_8); }
}
