/**
 * The scenario: everything a run of MKW needs, as plain immutable data.
 *
 * <p>This is the contract between the front ends (the DSL translator, tests, the sweep
 * runner, third-party code) and the kernel simulation. The DSL's translator is the one
 * place that builds it from a parsed {@code .mkw} file; the kernel's {@code Simulation}
 * is the one place that runs it. Nothing here depends on Xtext, EMF or a UI.
 *
 * <p>Names follow the L4 X.2 reference manual and the Microkernel Construction lectures
 * (see {@code ../shared/seeds}): a task is an address space with threads, a thread runs a
 * behaviour made of {@link dev.mkw.scenario.Op operations}, each IPC operation
 * carries a {@link dev.mkw.scenario.MessageSpec message}.
 */
package dev.mkw.scenario;
