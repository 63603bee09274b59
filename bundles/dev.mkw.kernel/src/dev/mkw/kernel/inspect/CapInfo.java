package dev.mkw.kernel.inspect;

/** A capability held by a task: the slot, the gate's target and badge, rights, and what it was copied from. */
public record CapInfo(String task, int slot, String target, String badge, String rights, String derivedFrom) {}
