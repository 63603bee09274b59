package dev.mkw.ui.launch;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.ILaunchConfiguration;

/** The attributes of an "MKW Scenario" launch configuration. */
public final class ScenarioLaunch {
    public static final String TYPE = "dev.mkw.ui.launch.scenario";
    /** Workspace-relative path of the .mkw file. */
    public static final String FILE = "dev.mkw.ui.launch.file";
    /** Prefix of setting attributes; the rest is a VariantSettings key (kernel.scheduling, run.seed, ...). */
    public static final String SETTING = "dev.mkw.ui.launch.setting.";

    private ScenarioLaunch() {}

    /** The {@code key=value} settings a configuration overrides (empty values are left to the scenario). */
    public static List<String> settings(ILaunchConfiguration c) throws CoreException {
        List<String> l = new ArrayList<>();
        for (Map.Entry<String, Object> e : new java.util.TreeMap<>(c.getAttributes()).entrySet()) {
            if (e.getKey().startsWith(SETTING) && e.getValue() instanceof String v && !v.isBlank()) {
                l.add(e.getKey().substring(SETTING.length()) + "=" + v.trim());
            }
        }
        return l;
    }
}
