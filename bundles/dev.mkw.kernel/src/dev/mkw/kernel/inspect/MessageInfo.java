package dev.mkw.kernel.inspect;

/** One IPC in the trace: when, from whom to whom, what (label/protocol), how many words, which kernel path. */
public record MessageInfo(long cycle, String from, String to, String what, long words, String path) {}
