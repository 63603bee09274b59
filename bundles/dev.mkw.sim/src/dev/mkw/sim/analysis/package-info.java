/**
 * Tables computed from a finished run: the {@link dev.mkw.sim.analysis.Analysis} API, the
 * {@link dev.mkw.sim.analysis.Analyses} registry and the built-in analyses.
 */
package dev.mkw.sim.analysis;
