package dev.mkw.bench;

import java.nio.file.Files;
import java.nio.file.Path;

/** The command line of {@code mkw bench}. */
record BenchOptions(boolean help, boolean quick, String only, int forks, Path json, boolean cachegrind, boolean scale, Path plugins) {

    static BenchOptions parse(String[] args) {
        boolean help = false, quick = false, cachegrind = true, scale = true;
        String only = null;
        Integer forks = null;
        Path json = null, plugins = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--help", "-h" -> help = true;
                case "--quick" -> quick = true;
                case "--no-cachegrind" -> cachegrind = false;
                case "--no-scale" -> scale = false;
                case "--only" -> only = value(args, ++i, a);
                case "--json" -> json = Path.of(value(args, ++i, a));
                case "--plugins" -> {
                    plugins = Path.of(value(args, ++i, a));
                    if (!Files.isDirectory(plugins)) throw new IllegalArgumentException("--plugins: no directory " + plugins);
                }
                case "--forks" -> {
                    String v = value(args, ++i, a);
                    try {
                        forks = Integer.parseInt(v);
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("--forks: '" + v + "' is not a whole number");
                    }
                    if (forks < 0 || forks > 20) throw new IllegalArgumentException("--forks: " + forks + " is outside 0..20");
                }
                default -> throw new IllegalArgumentException("unknown option '" + a + "'");
            }
        }
        if (only != null) {
            try {
                java.util.regex.Pattern.compile(only);
            } catch (java.util.regex.PatternSyntaxException e) {
                throw new IllegalArgumentException("--only: '" + only + "' is not a regular expression: " + e.getDescription());
            }
        }
        return new BenchOptions(help, quick, only, forks != null ? forks : quick ? 1 : 2, json, cachegrind, scale, plugins);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) throw new IllegalArgumentException(option + " needs a value");
        return args[i];
    }
}
