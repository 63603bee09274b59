package dev.mkw.ui.prefs;

import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.osgi.service.prefs.BackingStoreException;

/**
 * The workbench's MKW preferences (Window &gt; Preferences &gt; MKW), read by the run code:
 * the machine of a scenario that names none, and how to record the trace when a scenario
 * does not ask for a trace itself. Read through the
 * preference service so instance values win over the defaults set here.
 */
public final class MkwPreferences {
    public static final String NODE = "dev.mkw.ui";
    public static final String TRACE_MODE = "trace.mode";
    public static final String TRACE_RING = "trace.ring";
    public static final String DEFAULT_PRESET = "machine.preset";
    public static final String OFF = "off", ON = "on", RING = "ring";
    /** The Message Log and the Timeline need a trace: by default keep the last 100 000 events. */
    public static final String DEFAULT_TRACE_MODE = RING;
    public static final int DEFAULT_TRACE_RING = 100_000;

    private MkwPreferences() {}

    public static String traceMode() {
        String m = Platform.getPreferencesService().getString(NODE, TRACE_MODE, DEFAULT_TRACE_MODE, null);
        return m.equals(OFF) || m.equals(ON) || m.equals(RING) ? m : DEFAULT_TRACE_MODE;
    }

    /** The machine preset for scenarios that name none. */
    public static String defaultPreset() {
        String p = Platform.getPreferencesService().getString(NODE, DEFAULT_PRESET, dev.mkw.scenario.MachineSpec.DEFAULT_PRESET, null);
        return dev.mkw.hw.model.MachinePresets.get().exists(p) ? p : dev.mkw.scenario.MachineSpec.DEFAULT_PRESET;
    }

    /** Store the default machine preset (for tests and scripts). */
    public static void setDefaultPreset(String preset) {
        var node = InstanceScope.INSTANCE.getNode(NODE);
        node.put(DEFAULT_PRESET, preset);
        try {
            node.flush();
        } catch (BackingStoreException e) {
            throw new IllegalStateException("cannot store the MKW preferences", e);
        }
    }

    public static int traceRing() {
        int n = Platform.getPreferencesService().getInt(NODE, TRACE_RING, DEFAULT_TRACE_RING, null);
        return n > 0 ? n : DEFAULT_TRACE_RING;
    }

    /** Store the trace default (for tests and scripts; the preference page stores through its own store). */
    public static void setTrace(String mode, int ring) {
        var node = InstanceScope.INSTANCE.getNode(NODE);
        node.put(TRACE_MODE, mode);
        node.putInt(TRACE_RING, ring);
        try {
            node.flush();
        } catch (BackingStoreException e) {
            throw new IllegalStateException("cannot store the MKW preferences", e);
        }
    }
}
