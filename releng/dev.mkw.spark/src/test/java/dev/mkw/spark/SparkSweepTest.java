package dev.mkw.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Spark engine end to end, as a user runs it, in Spark's local mode ({@code local[2]}):
 * the same bytes as the local engine, a failed run is a row, Parquet beside the CSV.
 */
class SparkSweepTest {
    private final Cli cli = new Cli();

    /**
     * An example that imports a library, over two kernel variants, with a setting that makes
     * half the runs fail: both engines write the same CSV bytes, and exit 1 for the failed rows.
     */
    @Test
    void sparkRowsAreTheLocalEnginesRowsByteForByte(@TempDir Path dir) throws Exception {
        String scenario = Cli.example("pager-hierarchy.mkw").toString();
        String[] sweep = {scenario, "--vary", "kernel.fastpath=on,off", "--vary", "run.trace=off,sideways"};

        assertEquals(1, cli.sweep(dir, concat(sweep, "--engine", "local", "--out", "local.csv")), cli.err());
        assertEquals(1, cli.sweep(dir, concat(sweep, "--master", "local[2]", "--out", "spark.csv")), cli.err());

        String local = Files.readString(dir.resolve("local.csv"));
        assertEquals(local, Files.readString(dir.resolve("spark.csv")));
        List<String> rows = local.lines().toList();
        assertEquals(5, rows.size(), local);
        assertTrue(rows.get(1).startsWith("0,on,off,ok,"), rows.get(1));
        assertTrue(rows.get(2).startsWith("1,on,sideways,failed,") && rows.get(2).endsWith("\"run.trace must be off, on or ring:N, got 'sideways'\""), rows.get(2));

        assertTrue(cli.out().contains("wrote 4 rows to " + dir.resolve("spark.csv") + " (2 failed)"), cli.out());
        assertTrue(cli.out().contains("wrote Parquet to " + dir.resolve("spark.parquet")), cli.out());
        assertTrue(Files.list(dir.resolve("spark.parquet")).anyMatch(f -> f.toString().endsWith(".parquet")));
        for (int i = 1; i <= 4; i++) assertTrue(cli.err().contains("sweep: " + i + "/4 "), "progress as runs finish: " + cli.err());
        // The Parquet writer was prepared during the runs on a throw-away file, and that is gone.
        try (var tmp = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            assertEquals(List.of(), tmp.filter(f -> f.getFileName().toString().startsWith("mkw-parquet-warmup")).toList());
        }

        // The Parquet answers Spark SQL, as ./mkw spark sql runs it (README: Sweeps on a cluster).
        String table = "parquet.`" + dir.resolve("spark.parquet") + "`";
        String printed = stdoutOf(() -> assertEquals(0, SqlQuery.run(List.of("SELECT `kernel.fastpath`, status, count(*) AS runs, min(cycles) AS cycles FROM "
                + table + " GROUP BY 1, 2 ORDER BY 1, 2"))));
        String okOff = rows.get(3).split(",")[4];
        assertTrue(printed.contains("|off            |ok    |1   |" + okOff), printed);
        assertTrue(printed.contains("|on             |failed|1   |NULL"), printed);
        assertEquals(2, SqlQuery.run(List.of("SELECT nothing FROM " + table)));
    }

    private static String stdoutOf(Runnable r) {
        java.io.PrintStream old = System.out;
        java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
        System.setOut(new java.io.PrintStream(b, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            r.run();
        } finally {
            System.setOut(old);
        }
        return b.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String[] concat(String[] a, String... b) {
        String[] r = new String[a.length + b.length];
        System.arraycopy(a, 0, r, 0, a.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
