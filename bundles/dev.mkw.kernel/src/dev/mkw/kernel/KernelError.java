package dev.mkw.kernel;

import dev.mkw.scenario.SourceRef;

/**
 * Something a user program did wrong, or a state the run cannot leave (deadlock), reported
 * with the thread, the simulated cycle and the scenario position.
 */
public record KernelError(String thread, long cycle, SourceRef at, String message, boolean fatal) {
    @Override
    public String toString() {
        String where = at == null || at.line() == 0 ? "" : at + ": ";
        return where + "error: " + message + (thread.isEmpty() ? "" : " [thread " + thread + "]") + " at cycle " + cycle;
    }
}
