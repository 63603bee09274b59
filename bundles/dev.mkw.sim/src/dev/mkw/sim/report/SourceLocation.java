package dev.mkw.sim.report;

/** A place in a scenario file, 1-based, printed the way compilers and editors read it. */
public record SourceLocation(String file, int line, int column) {
    @Override
    public String toString() { return file + ":" + line + ":" + column; }
}
