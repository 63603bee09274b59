package dev.mkw.sim.report;

/**
 * One IPC as measured: sent at {@code sendCycle}, received {@code latency} cycles later.
 *
 * @param sendCycle when the sender entered the kernel
 * @param from      sender {@code task.thread}
 * @param to        receiver {@code task.thread}
 * @param words     message size in words (untyped + typed)
 * @param latency   cycles from send to the receiver running with the message
 */
public record IpcSample(long sendCycle, String from, String to, int words, long latency) {}
