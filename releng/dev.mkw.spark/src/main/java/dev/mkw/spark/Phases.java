package dev.mkw.spark;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;

/**
 * Where the Spark engine's whole-process time goes: with {@code MKW_SPARK_PHASES=1} in the
 * environment (or {@code -Dmkw.spark.phases=true}), each phase's end is printed on stderr as
 * milliseconds since the JVM started ({@code spark-phase: 2345 ms session up}), so the start of
 * the JVM and the loading of classes before {@code main} are counted too. Off by default: a
 * sweep's stderr is its progress.
 */
final class Phases {
    private static final boolean ON = "1".equals(System.getenv("MKW_SPARK_PHASES")) || Boolean.getBoolean("mkw.spark.phases");
    private static final Instant JVM_START = ON ? ProcessHandle.current().info().startInstant().orElse(Instant.now()) : null;

    private Phases() {}

    /** Note that {@code phase} has just ended. */
    static void mark(String phase) {
        if (!ON) return;
        PrintStream err = System.err;
        err.println("spark-phase: " + Duration.between(JVM_START, Instant.now()).toMillis() + " ms " + phase + " [" + Thread.currentThread().getName() + "]");
    }
}
