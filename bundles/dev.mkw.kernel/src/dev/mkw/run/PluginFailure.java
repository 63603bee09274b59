package dev.mkw.run;

import dev.mkw.sim.contrib.Contributions;

/** The one wording for "a plugin's contribution threw": what, whose, doing what, and what happens now. */
final class PluginFailure {
    private PluginFailure() {}

    static String message(String what, Object contribution, String doing, Throwable e) {
        return message(what, Contributions.origin(contribution), doing, e);
    }

    static String message(String what, String plugin, String doing, Throwable e) {
        return what + " (plugin " + plugin + ") failed " + doing + ": " + e
                + "; it is disabled and the run goes on without it";
    }
}
