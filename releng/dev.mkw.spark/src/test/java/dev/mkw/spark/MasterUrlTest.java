package dev.mkw.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import dev.mkw.cli.CliException;

/** The master URL forms Spark 4.2 accepts, and typos refused before Spark starts. */
class MasterUrlTest {

    @Test
    void sparksForms() throws CliException {
        for (String local : new String[] {"local", "local[*]", "local[2]", "local[4,3]", "local[*, 2]", "local-cluster[2,1,1024]"}) {
            assertEquals(MasterUrl.Kind.LOCAL, MasterUrl.check(local), local);
        }
        assertEquals(MasterUrl.Kind.STANDALONE, MasterUrl.check("spark://lab1:7077"));
        assertEquals(MasterUrl.Kind.STANDALONE, MasterUrl.check("spark://lab1:7077,lab2:7077"));
        assertEquals(MasterUrl.Kind.STANDALONE, MasterUrl.check("spark://10.0.0.5:7077"));
        assertEquals(MasterUrl.Kind.YARN, MasterUrl.check("yarn"));
        assertEquals(MasterUrl.Kind.KUBERNETES, MasterUrl.check("k8s://https://k8s.lab:6443"));
        assertEquals(MasterUrl.Kind.KUBERNETES, MasterUrl.check("k8s://k8s.lab:443"));
    }

    @Test
    void typos() {
        for (String bad : new String[] {"", "locale", "local[]", "local[0]", "local[two]", "local[2", "spark://", "spark://lab1",
                "spark://lab1:port", "spark://lab1:99999", "spark://lab1:7077,", "yarn-client", "k8s://", "mesos://m:5050", "http://lab1:8080"}) {
            assertThrows(CliException.class, () -> MasterUrl.check(bad), bad);
        }
    }
}
