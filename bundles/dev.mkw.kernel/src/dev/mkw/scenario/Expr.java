package dev.mkw.scenario;

/** A value computed at run time by the thread's interpreter (64-bit words). */
public sealed interface Expr {

    record Const(long value) implements Expr {}

    /** A loop index or {@code let} variable. */
    record Var(String name) implements Expr {}

    /**
     * A field of a received message bound to {@code var}: {@code w0..w63} (message
     * words), {@code label}, {@code words} (count), {@code badge} (capability badge),
     * {@code addr}, {@code ip}, {@code access} (page-fault IPC), {@code bits}
     * (notification), {@code exception} (exception IPC), {@code timedout} (1 if the
     * receive timed out), {@code irq} (interrupt IPC).
     */
    record Field(String var, String field) implements Expr {}

    /** Arithmetic: {@code + - * / % & | << >>}. */
    record Binary(String op, Expr left, Expr right) implements Expr {}

    /** A uniformly distributed number in [lo, hi] from the run's seeded random source. */
    record Random(Expr lo, Expr hi) implements Expr {}
}
