package dev.mkw.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Command-line arguments of one command: positionals, {@code --key value} /
 * {@code --key=value} options (repeatable ones keep every value) and flags. Unknown
 * options are errors naming the command, so a typo never silently changes an experiment.
 */
public final class Args {
    private final String command;
    private final List<String> positionals = new ArrayList<>();
    private final Map<String, List<String>> options = new LinkedHashMap<>();

    private Args(String command) {
        this.command = command;
    }

    /**
     * Parse {@code argv} for {@code command}, which accepts the options {@code valued}
     * (each takes a value) and {@code flags} (none).
     */
    public static Args parse(String command, List<String> argv, Set<String> valued, Set<String> flags) throws CliException {
        Args a = new Args(command);
        for (int i = 0; i < argv.size(); i++) {
            String s = argv.get(i);
            if (s.equals("--")) {
                a.positionals.addAll(argv.subList(i + 1, argv.size()));
                break;
            }
            if (!s.startsWith("--") || s.length() == 2) {
                a.positionals.add(s);
                continue;
            }
            String key = s.substring(2);
            String value = null;
            int eq = key.indexOf('=');
            if (eq >= 0) {
                value = key.substring(eq + 1);
                key = key.substring(0, eq);
            }
            if (flags.contains(key)) {
                if (value != null) throw new CliException("option --" + key + " of 'mkw " + command + "' takes no value");
                a.options.computeIfAbsent(key, k -> new ArrayList<>()).add("true");
            } else if (valued.contains(key)) {
                if (value == null) {
                    if (i + 1 >= argv.size()) throw new CliException("option --" + key + " of 'mkw " + command + "' needs a value");
                    value = argv.get(++i);
                }
                a.options.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
            } else {
                throw new CliException("unknown option --" + key + " for 'mkw " + command + "'; see 'mkw " + command + " --help'");
            }
        }
        return a;
    }

    public String command() { return command; }

    public List<String> positionals() { return List.copyOf(positionals); }

    public boolean flag(String key) { return options.containsKey(key); }

    public boolean has(String key) { return options.containsKey(key); }

    /** The last value given for {@code key}, or {@code fallback}. */
    public String value(String key, String fallback) {
        List<String> v = options.get(key);
        return v == null ? fallback : v.get(v.size() - 1);
    }

    /** Every value given for a repeatable option, in order. */
    public List<String> values(String key) {
        List<String> v = options.get(key);
        return v == null ? List.of() : List.copyOf(v);
    }

    /** A non-negative number option; "10k", "2M", "1G" and underscores are accepted. */
    public long longValue(String key, long fallback) throws CliException {
        String v = value(key, null);
        if (v == null) return fallback;
        return parseCount("--" + key, v);
    }

    public static long parseCountPublic(String what, String text) throws CliException {
        return parseCount(what, text);
    }

    static long parseCount(String what, String text) throws CliException {
        try {
            return dev.mkw.run.VariantSettings.parseCount(what, text);
        } catch (dev.mkw.run.RunRefused e) {
            throw new CliException(e.getMessage());
        }
    }

    /** The single positional argument, with a usage error naming what it is. */
    public String onePositional(String what) throws CliException {
        if (positionals.isEmpty()) throw new CliException("'mkw " + command + "' needs " + what + "; see 'mkw " + command + " --help'");
        if (positionals.size() > 1) throw new CliException("'mkw " + command + "' takes one " + what + ", got " + positionals.size() + ": " + String.join(" ", positionals));
        return positionals.get(0);
    }
}
