package dev.mkw.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.apache.hadoop.yarn.api.records.FinalApplicationStatus;
import org.apache.hadoop.yarn.api.records.YarnApplicationState;
import org.apache.hadoop.yarn.client.api.YarnClient;
import org.apache.hadoop.yarn.conf.YarnConfiguration;
import org.apache.hadoop.yarn.server.MiniYARNCluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sweep on YARN, as a user with a Hadoop cluster runs it: Hadoop's MiniYARNCluster (a ResourceManager
 * and a NodeManager in this JVM, whose containers are processes of this machine) writes its configuration
 * to a directory, and {@code ./mkw sweep ... --engine spark --master yarn} with HADOOP_CONF_DIR and
 * YARN_CONF_DIR naming it runs the ping-pong example over a few seeds in client mode: the driver is the
 * {@code ./mkw} process, the runs are tasks of executors in YARN containers. Its CSV must be the local
 * engine's, byte for byte, and the ResourceManager must have seen the application succeed.
 *
 * <p>Profile {@code yarn} only (failsafe, after the application jar is packaged): it needs the jar, several
 * JVMs and a few GB of memory, and takes minutes (README: Sweeps on a cluster).
 */
class YarnSweepIT {
    private static final long TIMEOUT_MINUTES = 10;
    private final Cli cli = new Cli();

    @Test
    void yarnRowsAreTheLocalEnginesRowsByteForByte(@TempDir Path dir) throws Exception {
        String scenario = Cli.example("ping-pong.mkw").toString();
        String[] sweep = {scenario, "--vary", "run.seed=1,2,3,4"};
        assertEquals(0, cli.sweep(dir, concat(sweep, "--engine", "local", "--out", "local.csv")), cli.err());

        try (MiniYARNCluster yarn = new MiniYARNCluster("mkw-yarn", 1, 1, 1)) {
            yarn.init(clusterSettings());
            yarn.start();
            Path conf = writeConfiguration(yarn.getConfig(), dir.resolve("hadoop-conf"));

            List<String> command = new ArrayList<>(List.of(Cli.home().resolve("mkw").toString(), "sweep"));
            command.addAll(List.of(sweep));
            command.addAll(List.of("--engine", "spark", "--master", "yarn", "--out", "yarn.csv",
                    // Small containers: the ApplicationMaster and two executors fit the NodeManager below.
                    "--conf", "spark.executor.instances=2", "--conf", "spark.executor.memory=512m",
                    "--conf", "spark.yarn.am.memory=256m",
                    // Spark's upload of its jars and the application jar, inside this test's directory.
                    "--conf", "spark.yarn.stagingDir=" + dir.resolve("staging").toUri()));
            ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("mkw-sweep.log").toFile());
            pb.environment().put("HADOOP_CONF_DIR", conf.toString());
            pb.environment().put("YARN_CONF_DIR", conf.toString());
            pb.environment().put("MKW_NO_BUILD", "1");
            // One machine: the driver's address for the ApplicationMaster and executors to call back.
            pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
            Process p = pb.start();
            boolean ended = p.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES);
            if (!ended) p.destroyForcibly().waitFor();
            String log = Files.readString(dir.resolve("mkw-sweep.log"));
            System.out.println("./mkw sweep --master yarn said:\n" + log); // what a user sees, for the build's log
            assertTrue(ended, "./mkw sweep --master yarn did not end within " + TIMEOUT_MINUTES + " minutes:\n" + log);
            assertEquals(0, p.exitValue(), log);
            assertEquals(Files.readString(dir.resolve("local.csv")), Files.readString(dir.resolve("yarn.csv")), log);
            assertTrue(log.contains("sweep: 4/4 ok"), log);
            // One machine: the executor that wrote the Parquet wrote it where the driver asked (beside the CSV).
            try (var files = Files.list(dir.resolve("yarn.parquet"))) {
                assertTrue(files.anyMatch(f -> f.toString().endsWith(".parquet")), log);
            }

            // The runs were YARN's: one Spark application, finished and succeeded, with containers for its executors.
            try (YarnClient client = YarnClient.createYarnClient()) {
                client.init(yarn.getConfig());
                client.start();
                ApplicationReport app = onlyApplicationWhenDone(client);
                assertEquals("SPARK", app.getApplicationType(), app.toString());
                assertTrue(app.getName().startsWith("mkw sweep"), app.getName());
                assertEquals(YarnApplicationState.FINISHED, app.getYarnApplicationState(), app.toString());
                assertEquals(FinalApplicationStatus.SUCCEEDED, app.getFinalApplicationStatus(), app.toString());
            }
        }
    }

    /** The cluster's one application once it has ended (the ApplicationMaster unregisters as the driver stops). */
    private static ApplicationReport onlyApplicationWhenDone(YarnClient client) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            List<ApplicationReport> apps = client.getApplications();
            assertEquals(1, apps.size(), apps.toString());
            ApplicationReport app = apps.get(0);
            YarnApplicationState state = app.getYarnApplicationState();
            boolean ended = state == YarnApplicationState.FINISHED || state == YarnApplicationState.FAILED || state == YarnApplicationState.KILLED;
            if (ended || System.nanoTime() > deadline) return app;
            Thread.sleep(500);
        }
    }

    /**
     * Room for an ApplicationMaster (256 MB + Spark's 384 MB overhead) and two executors (512 + 384 MB), allocated
     * in 128 MB steps; no checks of the containers' virtual or physical memory (a JVM's virtual size is far above
     * its heap), nor of this machine's disks (a full-ish disk would take the only NodeManager out of service).
     */
    private static YarnConfiguration clusterSettings() {
        YarnConfiguration c = new YarnConfiguration();
        c.setInt(YarnConfiguration.NM_PMEM_MB, 4096);
        c.setInt(YarnConfiguration.NM_VCORES, 4);
        c.setInt(YarnConfiguration.RM_SCHEDULER_MINIMUM_ALLOCATION_MB, 128);
        c.setBoolean(YarnConfiguration.NM_PMEM_CHECK_ENABLED, false);
        c.setBoolean(YarnConfiguration.NM_VMEM_CHECK_ENABLED, false);
        c.setFloat(YarnConfiguration.NM_MAX_PER_DISK_UTILIZATION_PERCENTAGE, 100.0f);
        // The capacity scheduler's one queue, as a Hadoop installation's capacity-scheduler.xml gives it (and as
        // Spark's own YARN tests set it, BaseYarnClusterSuite), with room for the ApplicationMaster.
        c.set("yarn.scheduler.capacity.root.queues", "default");
        c.setInt("yarn.scheduler.capacity.root.default.capacity", 100);
        c.setInt("yarn.scheduler.capacity.root.default.maximum-capacity", 100);
        c.setFloat("yarn.scheduler.capacity.root.default.user-limit-factor", 1);
        c.set("yarn.scheduler.capacity.root.default.state", "RUNNING");
        c.set("yarn.scheduler.capacity.root.default.acl_submit_applications", "*");
        c.set("yarn.scheduler.capacity.root.default.acl_administer_queue", "*");
        c.setFloat("yarn.scheduler.capacity.maximum-am-resource-percent", 0.5f);
        c.setInt("yarn.scheduler.capacity.node-locality-delay", -1);
        return c;
    }

    /** The running cluster's settings (its ResourceManager's actual ports) as the files a client reads. */
    private static Path writeConfiguration(org.apache.hadoop.conf.Configuration c, Path dir) throws IOException {
        Files.createDirectories(dir);
        for (String file : new String[] {"yarn-site.xml", "core-site.xml"}) {
            try (OutputStream out = Files.newOutputStream(dir.resolve(file))) {
                c.writeXml(out);
            }
        }
        return dir;
    }

    private static String[] concat(String[] a, String... b) {
        String[] r = new String[a.length + b.length];
        System.arraycopy(a, 0, r, 0, a.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
