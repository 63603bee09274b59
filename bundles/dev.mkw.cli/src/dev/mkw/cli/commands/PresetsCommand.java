package dev.mkw.cli.commands;

import java.util.List;
import java.util.Set;

import dev.mkw.cli.Args;
import dev.mkw.cli.CliContext;
import dev.mkw.cli.CliException;
import dev.mkw.cli.Command;
import dev.mkw.hw.model.MachinePresets;

/** {@code mkw presets [ID]}: the machine presets, or one preset's costs with their sources. */
public final class PresetsCommand implements Command {
    @Override public String name() { return "presets"; }

    @Override public String summary() { return "list the machine presets (mkw presets ID: costs and sources)"; }

    @Override public String help() {
        return "Usage: mkw presets [ID]\n\n"
                + "Without ID: one line per machine preset (ISA, clock, TLB, caches).\n"
                + "With ID: the preset's cycle costs, each with its source (data sheet, paper) or marked estimated.\n";
    }

    @Override
    public int run(List<String> argv, CliContext ctx) throws CliException {
        Args a = Args.parse(name(), argv, Set.of(), Set.of());
        MachinePresets presets = MachinePresets.get();
        if (a.positionals().isEmpty()) {
            ctx.out().print(presets.describeAll());
            return 0;
        }
        String id = a.onePositional("a preset id");
        if (!presets.exists(id)) throw new CliException("unknown preset '" + id + "'; known: " + String.join(", ", presets.ids()));
        ctx.out().print(presets.describe(id));
        return 0;
    }
}
