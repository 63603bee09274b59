/**
 * What a finished run measured: {@link dev.mkw.sim.report.RunReport}, filled by the kernel through a
 * {@link dev.mkw.sim.report.RunReportBuilder}, with deterministic {@link dev.mkw.sim.report.Histogram}s.
 */
package dev.mkw.sim.report;
