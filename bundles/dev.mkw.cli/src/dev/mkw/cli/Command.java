package dev.mkw.cli;

import java.util.List;

/** One {@code mkw} sub-command. */
public interface Command {
    /** The word after {@code mkw}. */
    String name();

    /** One line for {@code mkw --help}. */
    String summary();

    /** The full help text of {@code mkw NAME --help}. */
    String help();

    /** Run with the arguments after the command name; returns the process exit code. */
    int run(List<String> argv, CliContext ctx) throws CliException;
}
