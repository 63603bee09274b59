package dev.mkw.kernel;

import dev.mkw.scenario.SourceRef;

/**
 * Something a user program did wrong, or a state the run cannot leave (deadlock), reported
 * with the thread, the simulated cycle and the scenario position.
 *
 * @param kind    what sort of error it is (reports and exit codes read this, never the message text)
 * @param thread  the thread that caused it, or "" (the kernel, a device)
 * @param cycle   the simulated cycle it happened at
 * @param at      the scenario position, or null
 * @param message what happened, for people
 * @param fatal   whether it ended the run
 */
public record KernelError(Kind kind, String thread, long cycle, SourceRef at, String message, boolean fatal) {

    /** The sorts of error, with the word reports print for each. */
    public enum Kind {
        /** A refused or failed operation the program may survive (an L4 error code in {@code x.error}). */
        IPC_ERROR("ipc-error"),
        /** A run-time error of the scenario's program that ends the run. */
        PROGRAM("error"),
        /** A page fault nobody resolves (no pager, a dead pager, a reply without the mapping). */
        PAGE_FAULT("page-fault"),
        /** An exception with no handler to send it to. */
        UNHANDLED_EXCEPTION("unhandled-exception"),
        /** Every thread blocked with nothing left to wake one. */
        DEADLOCK("deadlock"),
        /** A kernel invariant does not hold: a bug of MKW's kernel, never the user's. */
        INVARIANT("invariant"),
        /** A plugin's device or policy threw: the plugin's bug, named with its origin. */
        PLUGIN("plugin");

        private final String word;

        Kind(String word) { this.word = word; }

        /** The word reports print ("deadlock", "page-fault", ...). */
        public String word() { return word; }
    }

    @Override
    public String toString() {
        String where = at == null || at.line() == 0 ? "" : at + ": ";
        return where + "error: " + message + (thread.isEmpty() ? "" : " [thread " + thread + "]") + " at cycle " + cycle;
    }
}
