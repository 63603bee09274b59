/**
 * The deterministic discrete-event engine: {@link dev.mkw.sim.SimEngine}, its seeded
 * {@link dev.mkw.sim.SimRandom}, {@link dev.mkw.sim.CycleAccounting} and the {@link dev.mkw.sim.Trace}.
 */
package dev.mkw.sim;
