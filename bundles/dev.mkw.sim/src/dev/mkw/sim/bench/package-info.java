/**
 * Speed measurements for {@code mkw bench}: {@link dev.mkw.sim.bench.Benchmark}s, the built-ins and
 * the contributions of plugins. {@code mkw bench} measures them under JMH (releng/dev.mkw.bench),
 * each in a forked JVM, and reports them as ratios within one run.
 */
package dev.mkw.sim.bench;
