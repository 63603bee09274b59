/**
 * Parameter sweeps: the cartesian product of varied settings ({@link dev.mkw.sim.sweep.Sweep}), run in
 * parallel by a {@link dev.mkw.sim.sweep.SweepRunner} into one CSV row per point.
 */
package dev.mkw.sim.sweep;
