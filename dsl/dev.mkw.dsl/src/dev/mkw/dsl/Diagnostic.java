package dev.mkw.dsl;

/**
 * One problem found in a scenario, with its position. {@link #format()} is the form every
 * tool prints: {@code FILE:LINE:COL: error: message}.
 */
public record Diagnostic(String file, int line, int column, Severity severity, String message, String code) {
    public enum Severity { ERROR, WARNING, INFO }

    public String format() {
        return file + ":" + line + ":" + column + ": " + severity.name().toLowerCase() + ": " + message;
    }
}
