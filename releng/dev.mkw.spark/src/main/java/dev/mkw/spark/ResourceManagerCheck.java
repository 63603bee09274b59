package dev.mkw.spark;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.yarn.conf.YarnConfiguration;

import dev.mkw.cli.CliException;

/**
 * Before a sweep is submitted to YARN: does a ResourceManager answer where the cluster's configuration
 * says? Hadoop's client would otherwise retry for up to {@code yarn.resourcemanager.connect.max-wait.ms}
 * (15 minutes by default) with a log line every second, and the sweep would look hung. With
 * ResourceManager HA ({@code yarn.resourcemanager.ha.rm-ids}) one answering ResourceManager is enough.
 */
final class ResourceManagerCheck {
    private static final int CONNECT_TIMEOUT_MS = 3000;

    private ResourceManagerCheck() {}

    /**
     * The cluster's configuration as Spark's YARN client reads it: {@code yarn-site.xml} and {@code core-site.xml}
     * from the class path (HADOOP_CONF_DIR, YARN_CONF_DIR), then {@code spark.hadoop.*} settings.
     */
    static Configuration clusterConfiguration(Iterable<scala.Tuple2<String, String>> sparkSettings) {
        Configuration c = new YarnConfiguration();
        for (scala.Tuple2<String, String> kv : sparkSettings) {
            if (kv._1().startsWith("spark.hadoop.")) c.set(kv._1().substring("spark.hadoop.".length()), kv._2());
        }
        return c;
    }

    /** Returns when a ResourceManager accepts a connection, else a one-line refusal naming where it looked. */
    static void require(Configuration c) throws CliException {
        List<String> tried = new ArrayList<>();
        for (InetSocketAddress address : addresses(c)) {
            try (Socket s = new Socket()) {
                s.connect(address, CONNECT_TIMEOUT_MS);
                return;
            } catch (IOException e) {
                tried.add(address.getHostString() + ":" + address.getPort() + " ("
                        + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ")");
            }
        }
        throw new CliException("no YARN ResourceManager answers at " + String.join(", ", tried)
                + " (yarn.resourcemanager.address in HADOOP_CONF_DIR's yarn-site.xml); is the cluster up? (README: Sweeps on a cluster)");
    }

    private static List<InetSocketAddress> addresses(Configuration c) {
        List<InetSocketAddress> all = new ArrayList<>();
        if (c.getBoolean(YarnConfiguration.RM_HA_ENABLED, YarnConfiguration.DEFAULT_RM_HA_ENABLED)) {
            for (String id : c.getTrimmedStringCollection(YarnConfiguration.RM_HA_IDS)) {
                String key = YarnConfiguration.RM_ADDRESS + "." + id;
                if (c.get(key) != null) all.add(c.getSocketAddr(key, YarnConfiguration.DEFAULT_RM_ADDRESS, YarnConfiguration.DEFAULT_RM_PORT));
            }
        }
        if (all.isEmpty()) {
            all.add(c.getSocketAddr(YarnConfiguration.RM_ADDRESS, YarnConfiguration.DEFAULT_RM_ADDRESS, YarnConfiguration.DEFAULT_RM_PORT));
        }
        return all;
    }
}
