package dev.mkw.scenario;

/**
 * A place in a scenario file, so that run-time errors can name the line that caused them.
 * Line and column are 1-based; {@link #NONE} is used for scenarios built in code.
 */
public record SourceRef(String file, int line, int column) {
    public static final SourceRef NONE = new SourceRef("", 0, 0);

    @Override
    public String toString() {
        return line == 0 ? file : file + ":" + line + ":" + column;
    }
}
