package dev.mkw.run;

/**
 * A scenario that cannot be run as asked: a bad setting, an unknown machine preset, an
 * impossible machine or kernel configuration. Nothing was simulated; the message is what the
 * user should read (each front end adds its own prefix and exit code).
 */
public final class RunRefused extends Exception {
    private static final long serialVersionUID = 1L;

    public RunRefused(String message) {
        super(message);
    }
}
