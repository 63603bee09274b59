package dev.mkw.scenario;

/** {@code irq LINE -> task.thread}: the thread is attached to the IRQ line from the start. */
public record IrqAttachment(int line, String thread, SourceRef at) {}
