package dev.mkw.cli;

/**
 * What the {@code mkw} process tells its caller, so scripts and CI can tell a finished run from
 * a broken scenario and from a bug in MKW. README's "Exit codes" table says the same.
 */
public enum ExitCode {
    /** The command did its job; for {@code mkw run}: the run finished (all threads done, or its cycle limit). */
    OK(0),
    /**
     * The run did not finish: a run-time error of the scenario's program (reported with thread,
     * cycle and FILE:LINE:COL), or a host limit ended it (the host-time limit, host memory).
     */
    RUN_FAILED(1),
    /** Bad input: a malformed scenario (FILE:LINE:COL messages), a bad option or argument. Nothing was run. */
    BAD_INPUT(2),
    /** A bug in MKW; the details are written to a log file whose path is printed. */
    INTERNAL(3);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    public int code() { return code; }
}
