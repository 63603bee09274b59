package dev.mkw.cli;

/**
 * Xtext logs through log4j (reload4j); without a configuration log4j prints three warning
 * lines on every run. The command line reports problems itself, so library logging is
 * silenced unless {@code -Dmkw.debug=true}.
 *
 * <p>Inside a Spark application (the {@code dev.mkw.spark} jar) log4j 1 is log4j 2's bridge
 * and its root logger is Spark's: turning it off would hide Spark's own warnings and errors.
 * There the host's log4j 2 configuration decides (the one {@code ./mkw} passes silences Xtext).
 */
final class QuietLogging {
    private QuietLogging() {}

    static void apply() {
        if (Boolean.getBoolean("mkw.debug") || log4j2Present()) return;
        try {
            org.apache.log4j.Logger root = org.apache.log4j.Logger.getRootLogger();
            root.removeAllAppenders();
            root.addAppender(new org.apache.log4j.varia.NullAppender());
            root.setLevel(org.apache.log4j.Level.OFF);
        } catch (LinkageError e) {
            // log4j is not on the class path (plain jars without Xtext's logging): nothing to silence.
        }
    }

    private static boolean log4j2Present() {
        try {
            Class.forName("org.apache.logging.log4j.LogManager", false, QuietLogging.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
