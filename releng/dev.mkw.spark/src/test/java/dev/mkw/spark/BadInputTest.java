package dev.mkw.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mistakes on the command line of the Spark engine: one clear line each, exit code 2, no Spark left running. */
class BadInputTest {
    private final Cli cli = new Cli();

    private void refused(Path dir, String expectedStart, String... args) {
        assertEquals(2, cli.sweep(dir, args), cli.err());
        assertEquals(1, cli.err().strip().lines().count(), "one line: " + cli.err());
        assertTrue(cli.err().startsWith(expectedStart), cli.err());
        assertEquals("", cli.out());
    }

    @Test
    void missingScenarioFile(@TempDir Path dir) {
        refused(dir, "mkw sweep: no scenario file 'nowhere.mkw'", "nowhere.mkw", "--vary", "run.seed=1,2", "--master", "local[2]");
    }

    @Test
    void badMasterUrls(@TempDir Path dir) {
        String pingPong = Cli.example("ping-pong.mkw").toString();
        refused(dir, "mkw sweep: bad Spark master URL 'local[two]': expected local, local[N]", pingPong, "--vary", "run.seed=1", "--master", "local[two]");
        refused(dir, "mkw sweep: bad Spark master URL 'spark://lab1': a standalone master is spark://HOST:PORT", pingPong, "--vary", "run.seed=1", "--master", "spark://lab1");
        refused(dir, "mkw sweep: bad Spark master URL 'mesos://m:5050': Spark 4 no longer supports Mesos", pingPong, "--vary", "run.seed=1", "--master", "mesos://m:5050");
        // YARN without the cluster's configuration: refused, not minutes of retries against 0.0.0.0:8032 (YarnSweepIT runs one).
        // (The build runs the tests without either variable: pom.xml, excludedEnvironmentVariables.)
        refused(dir, "mkw sweep: --master yarn needs HADOOP_CONF_DIR or YARN_CONF_DIR", pingPong, "--vary", "run.seed=1", "--master", "yarn");
    }

    /** A well-formed URL where no master listens: refused at once, not after Spark's minute of retries. */
    @Test
    void aMasterThatDoesNotAnswer(@TempDir Path dir) throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort(); // free now, and closed again: nothing listens there
        }
        refused(dir, "mkw sweep: no Spark master answers at spark://127.0.0.1:" + port, Cli.example("ping-pong.mkw").toString(),
                "--vary", "run.seed=1", "--master", "spark://127.0.0.1:" + port);
    }

    /**
     * Spark starts while the driver loads the scenario (EarlySession); a scenario that does not
     * load is refused as the local engine refuses it (exit 2), and the session started for it is stopped.
     */
    @Test
    void aScenarioThatDoesNotLoad(@TempDir Path dir) throws IOException {
        Path broken = dir.resolve("broken.mkw");
        Files.writeString(broken, "scenario Broken \"no such machine\"\nmachine preset no_such_machine\nrun until all-done\n");
        assertEquals(2, cli.sweep(dir, broken.toString(), "--vary", "run.seed=1,2", "--master", "local[2]"), cli.err());
        assertEquals(List.of(broken + ":2:16: error: unknown machine preset 'no_such_machine' (known: cortex_a53, cortex_a76, cortex_a9, i486_50, pentium_100, x86_64_pcid)",
                "mkw sweep: " + broken + " has 1 error; nothing was run"), cli.err().lines().toList(), "the scenario's error as the local engine gives it, nothing from Spark");
        assertTrue(SparkSession.getDefaultSession().isEmpty() && SparkSession.getActiveSession().isEmpty(), "no Spark session outlives the command");
    }

    @Test
    void optionsOfTheOtherEngine(@TempDir Path dir) {
        String pingPong = Cli.example("ping-pong.mkw").toString();
        refused(dir, "mkw sweep: --jobs is an option of --engine local", pingPong, "--vary", "run.seed=1", "--jobs", "4");
        refused(dir, "mkw sweep: --conf takes KEY=VALUE", pingPong, "--vary", "run.seed=1", "--conf", "spark.executor.memory");
        refused(dir, "mkw sweep: --master is an option of --engine spark", pingPong, "--vary", "run.seed=1", "--engine", "local", "--master", "local[2]");
    }
}
