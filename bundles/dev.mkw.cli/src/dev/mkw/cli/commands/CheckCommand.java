package dev.mkw.cli.commands;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import dev.mkw.cli.Args;
import dev.mkw.cli.CliContext;
import dev.mkw.cli.CliException;
import dev.mkw.cli.Command;
import dev.mkw.dsl.Diagnostic;
import dev.mkw.dsl.LoadResult;
import dev.mkw.dsl.ScenarioLoader;

/** {@code mkw check FILE.mkw...}: validate without running; FILE:LINE:COL messages, exit 2 on errors. */
public final class CheckCommand implements Command {
    @Override public String name() { return "check"; }

    @Override public String summary() { return "validate scenarios: FILE:LINE:COL messages, exit 2 on errors"; }

    @Override public String help() {
        return "Usage: mkw check FILE.mkw [FILE.mkw ...]\n\n"
                + "Parses, links and validates each scenario without running it. Prints one line per problem,\n"
                + "FILE:LINE:COL: error|warning: message, and a summary line per file. Exit 2 if any file has errors.\n";
    }

    @Override
    public int run(List<String> argv, CliContext ctx) throws CliException {
        Args a = Args.parse(name(), argv, Set.of(), Set.of());
        if (a.positionals().isEmpty()) throw new CliException("'mkw check' needs at least one scenario file");
        boolean errors = false;
        for (String arg : a.positionals()) {
            Path file = ctx.scenario(arg);
            LoadResult r = ScenarioLoader.standalone().load(file);
            for (Diagnostic d : r.diagnostics()) ctx.out().println(d.format());
            if (r.hasErrors()) {
                errors = true;
            } else {
                int threads = r.scenario().tasks().stream().mapToInt(t -> t.threads().size()).sum();
                ctx.out().println(file + ": ok (" + r.scenario().tasks().size() + " tasks, " + threads + " threads, machine "
                        + r.scenario().machine().preset() + ")");
            }
        }
        return errors ? 2 : 0;
    }
}
