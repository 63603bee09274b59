package dev.mkw.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.spark.launcher.JavaModuleOptions;
import org.junit.jupiter.api.Test;

/**
 * The JVM options ./mkw and the tests start Spark with (spark.java.options in the pom) are
 * those Spark's own launcher uses, less the incubating vector module (see the pom): a Spark
 * upgrade that needs another option fails here, not on a user's machine.
 */
class JavaOptionsTest {

    @Test
    void sameAsSparksLauncher() {
        List<String> spark = new ArrayList<>(Arrays.asList(JavaModuleOptions.defaultModuleOptionArray()));
        spark.remove("--add-modules=jdk.incubator.vector");
        List<String> ours = Arrays.asList(System.getProperty("mkw.spark.javaOptions", "(not set: run through Maven)").trim().split("\\s+"));
        assertEquals(spark, ours);
    }
}
