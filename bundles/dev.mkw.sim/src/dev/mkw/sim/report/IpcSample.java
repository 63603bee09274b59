package dev.mkw.sim.report;

/**
 * One IPC as measured: sent at {@code sendCycle}, received {@code latency} cycles later.
 *
 * @param sendCycle when the sender entered the kernel
 * @param from      sender {@code task.thread}
 * @param to        receiver {@code task.thread}
 * @param words     message size in words (untyped + typed)
 * @param path      the kernel path that carried it ({@code ipc.fastpath}, {@code ipc.slowpath}), or ""
 * @param latency   cycles from send to the receiver running with the message
 */
public record IpcSample(long sendCycle, String from, String to, int words, String path, long latency) {}
