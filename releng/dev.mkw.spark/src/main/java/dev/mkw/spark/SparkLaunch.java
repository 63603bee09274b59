package dev.mkw.spark;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

import dev.mkw.cli.Args;
import dev.mkw.cli.CliException;

import scala.Tuple2;

/**
 * The Spark side of one sweep: which master, with what settings, and starting the session.
 * Settings come, later ones winning, from Spark's defaults, {@code spark.*} system properties
 * (what {@code spark-submit} sets, e.g. its {@code --master}), MKW's choices for local mode,
 * then {@code --master} and {@code --conf KEY=VALUE} on the command line.
 */
final class SparkLaunch {
    /** Spark's own default when nothing names a master: all cores of this machine. */
    static final String DEFAULT_MASTER = "local[*]";
    private static final int CONNECT_TIMEOUT_MS = 3000;

    private final SparkConf conf;
    private final String master;
    private final MasterUrl.Kind kind;

    private SparkLaunch(SparkConf conf, String master, MasterUrl.Kind kind) {
        this.conf = conf;
        this.master = master;
        this.kind = kind;
    }

    static SparkLaunch of(Args args, String scenarioName) throws CliException {
        SparkConf conf = new SparkConf();
        String master = args.value("master", conf.get("spark.master", DEFAULT_MASTER)).trim();
        MasterUrl.Kind kind = checkMaster(master);
        conf.setMaster(master);
        conf.setIfMissing("spark.app.name", "mkw sweep " + scenarioName);
        if (kind == MasterUrl.Kind.LOCAL) {
            // One process on this machine: no web UI to start, no host name to look up.
            conf.setIfMissing("spark.ui.enabled", "false");
            conf.setIfMissing("spark.driver.host", "127.0.0.1");
            conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
        } else {
            // Executors elsewhere need MKW's classes: ship this application jar, unless spark-submit did.
            Path jar = applicationJar();
            if (jar != null) conf.setIfMissing("spark.jars", jar.toUri().toString());
        }
        for (String kv : args.values("conf")) {
            int eq = kv.indexOf('=');
            conf.set(kv.substring(0, eq).trim(), kv.substring(eq + 1).trim());
        }
        return new SparkLaunch(conf, master, kind);
    }

    /** The kind of a master URL that this process can use, or a one-line refusal. */
    static MasterUrl.Kind checkMaster(String master) throws CliException {
        MasterUrl.Kind kind = MasterUrl.check(master);
        String manager = switch (kind) {
            case YARN -> "org.apache.spark.scheduler.cluster.YarnClusterManager";
            case KUBERNETES -> "org.apache.spark.scheduler.cluster.k8s.KubernetesClusterManager";
            default -> null;
        };
        if (manager != null && !present(manager)) {
            throw new CliException("--master " + master + " needs Spark's " + (kind == MasterUrl.Kind.YARN ? "YARN" : "Kubernetes")
                    + " support, which ./mkw does not carry: submit the application jar with your cluster's spark-submit "
                    + "(spark-submit --master " + master + " releng/dev.mkw.spark/target/mkw-spark.jar FILE.mkw --vary ...)");
        }
        // Without them the YARN client asks a ResourceManager at 0.0.0.0:8032 and retries for many minutes
        // (Spark's own spark-submit refuses the same way, SparkSubmitArguments.validateSubmitArguments).
        if (kind == MasterUrl.Kind.YARN && blank(System.getenv("HADOOP_CONF_DIR")) && blank(System.getenv("YARN_CONF_DIR"))) {
            throw new CliException("--master yarn needs HADOOP_CONF_DIR or YARN_CONF_DIR: the directory of the cluster's "
                    + "yarn-site.xml and core-site.xml (README: Sweeps on a cluster)");
        }
        return kind;
    }

    boolean local() { return kind == MasterUrl.Kind.LOCAL; }

    /** The same master and settings as {@code other}, whatever the application's name. */
    boolean sameAs(SparkLaunch other) {
        return master.equals(other.master) && settings().equals(other.settings());
    }

    private Map<String, String> settings() {
        Map<String, String> all = new TreeMap<>();
        for (Tuple2<String, String> kv : conf.getAll()) all.put(kv._1(), kv._2());
        all.remove("spark.app.name");
        return all;
    }

    /**
     * Start Spark. A standalone master or a YARN ResourceManager that nobody answers at is refused at
     * once: Spark would retry for a minute and then stop without saying much, Hadoop's client for minutes.
     */
    SparkSession start() throws CliException {
        if (kind == MasterUrl.Kind.STANDALONE) requireReachable(master);
        if (kind == MasterUrl.Kind.YARN) ResourceManagerCheck.require(ResourceManagerCheck.clusterConfiguration(Arrays.asList(conf.getAll())));
        try {
            SparkSession spark = SparkSession.builder().config(conf).getOrCreate();
            if (spark.sparkContext().isStopped()) throw new CliException("the Spark master " + master + " did not accept the application", dev.mkw.cli.ExitCode.BAD_INPUT);
            return spark;
        } catch (CliException e) {
            throw e;
        } catch (Exception e) {
            throw new CliException("cannot start Spark with master " + master + ": " + firstLine(e));
        }
    }

    private static void requireReachable(String master) throws CliException {
        String last = "";
        for (String hostPort : master.substring("spark://".length()).split(",")) {
            int colon = hostPort.lastIndexOf(':');
            String host = hostPort.substring(0, colon).trim().replace("[", "").replace("]", "");
            int port = Integer.parseInt(hostPort.substring(colon + 1).trim());
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MS);
                return;
            } catch (IOException e) {
                last = hostPort.trim() + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            }
        }
        throw new CliException("no Spark master answers at " + master + " (" + last + "); is it started? (README: Sweeps on a cluster)");
    }

    /** The jar this class was loaded from, or null (classes from a directory, as in tests). */
    private static Path applicationJar() {
        try {
            var source = SparkLaunch.class.getProtectionDomain().getCodeSource();
            if (source == null) return null;
            Path p = Path.of(source.getLocation().toURI());
            return Files.isRegularFile(p) ? p : null;
        } catch (Exception e) {
            return null;
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static boolean present(String className) {
        try {
            Class.forName(className, false, SparkLaunch.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** The first line of an exception's message (Spark's messages carry whole stack traces). */
    static String firstLine(Throwable e) {
        Throwable t = e;
        while (t.getMessage() == null && t.getCause() != null) t = t.getCause();
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        int nl = m.indexOf('\n');
        return (nl < 0 ? m : m.substring(0, nl)).strip();
    }
}
