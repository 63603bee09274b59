package dev.mkw.cli;

/**
 * Why a command cannot go on, as one clear message and the {@link ExitCode} it ends with: a
 * user mistake on the command line or in an input file ({@link ExitCode#BAD_INPUT}, the
 * default), or a run that did not finish ({@link ExitCode#RUN_FAILED}).
 */
public final class CliException extends Exception {
    private static final long serialVersionUID = 1L;
    private final ExitCode exit;

    public CliException(String message) {
        this(message, ExitCode.BAD_INPUT);
    }

    public CliException(String message, ExitCode exit) {
        super(message);
        this.exit = exit;
    }

    public ExitCode exit() { return exit; }

    public int exitCode() { return exit.code(); }
}
