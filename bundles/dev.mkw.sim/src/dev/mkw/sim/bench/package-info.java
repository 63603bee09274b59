/**
 * Speed measurements for {@code mkw bench}: {@link dev.mkw.sim.bench.Benchmark}s measured by a
 * {@link dev.mkw.sim.bench.BenchRunner} and reported as ratios within one run.
 */
package dev.mkw.sim.bench;
