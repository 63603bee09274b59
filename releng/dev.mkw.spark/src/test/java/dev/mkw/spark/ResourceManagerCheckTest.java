package dev.mkw.spark;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;

import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;

import dev.mkw.cli.CliException;

import scala.Tuple2;

/** --master yarn where no ResourceManager answers: one line at once, not Hadoop's minutes of retries. */
class ResourceManagerCheckTest {

    @Test
    void aResourceManagerThatDoesNotAnswerIsRefused() throws IOException {
        int port = closedPort();
        CliException e = assertThrows(CliException.class, () -> ResourceManagerCheck.require(
                ResourceManagerCheck.clusterConfiguration(List.of(new Tuple2<>("spark.hadoop.yarn.resourcemanager.address", "127.0.0.1:" + port)))));
        assertTrue(e.getMessage().startsWith("no YARN ResourceManager answers at 127.0.0.1:" + port + " ("), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
    }

    @Test
    void oneAnsweringResourceManagerIsEnough() throws IOException {
        try (ServerSocket rm = new ServerSocket(0)) {
            Configuration c = ResourceManagerCheck.clusterConfiguration(List.of());
            c.set("yarn.resourcemanager.address", "127.0.0.1:" + rm.getLocalPort());
            assertDoesNotThrow(() -> ResourceManagerCheck.require(c));

            // ResourceManager HA: the standby is down, the active one answers.
            Configuration ha = ResourceManagerCheck.clusterConfiguration(List.of());
            ha.setBoolean("yarn.resourcemanager.ha.enabled", true);
            ha.set("yarn.resourcemanager.ha.rm-ids", "rm1,rm2");
            ha.set("yarn.resourcemanager.address.rm1", "127.0.0.1:" + closedPort());
            ha.set("yarn.resourcemanager.address.rm2", "127.0.0.1:" + rm.getLocalPort());
            assertDoesNotThrow(() -> ResourceManagerCheck.require(ha));
        }
    }

    /** A port that was free a moment ago: nothing listens there. */
    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
