package dev.mkw.cli;

/**
 * Xtext logs through log4j (reload4j); without a configuration log4j prints three warning
 * lines on every run. The command line reports problems itself, so library logging is
 * silenced unless {@code -Dmkw.debug=true}.
 */
final class QuietLogging {
    private QuietLogging() {}

    static void apply() {
        if (Boolean.getBoolean("mkw.debug")) return;
        try {
            org.apache.log4j.Logger root = org.apache.log4j.Logger.getRootLogger();
            root.removeAllAppenders();
            root.addAppender(new org.apache.log4j.varia.NullAppender());
            root.setLevel(org.apache.log4j.Level.OFF);
        } catch (LinkageError e) {
            // log4j is not on the class path (plain jars without Xtext's logging): nothing to silence.
        }
    }
}
