package dev.mkw.scenario;

/** Whom an IPC operation names. */
public sealed interface Target {

    /** A thread by qualified name {@code task.thread} (naming variant THREAD_IDS). */
    record Thread(String qualifiedName) implements Target {}

    /** The sender of a received message bound to {@code var} (reply to the caller). */
    record Sender(String var) implements Target {}

    /** A slot of the task's capability space (naming variant CAPABILITIES). */
    record CapSlot(int slot) implements Target {}

    /** The pseudo-thread of an IRQ line: receiving from it waits for that interrupt. */
    record Irq(int line) implements Target {}

    /** Open wait: receive from anybody. */
    record Any() implements Target {}

    /** The nil thread: receiving from it only waits out the timeout (sleep). */
    record Nil() implements Target {}
}
