package dev.mkw.ui.prefs;

import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.jface.preference.FieldEditorPreferencePage;
import org.eclipse.jface.preference.IntegerFieldEditor;
import org.eclipse.jface.preference.RadioGroupFieldEditor;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;
import org.eclipse.ui.preferences.ScopedPreferenceStore;

/** Window &gt; Preferences &gt; MKW: how runs record their trace when the scenario does not say. */
public final class MkwPreferencePage extends FieldEditorPreferencePage implements IWorkbenchPreferencePage {
    public static final String ID = "dev.mkw.ui.preferences";

    public MkwPreferencePage() {
        super(GRID);
        ScopedPreferenceStore store = new ScopedPreferenceStore(InstanceScope.INSTANCE, MkwPreferences.NODE);
        store.setDefault(MkwPreferences.TRACE_MODE, MkwPreferences.DEFAULT_TRACE_MODE);
        store.setDefault(MkwPreferences.TRACE_RING, MkwPreferences.DEFAULT_TRACE_RING);
        store.setDefault(MkwPreferences.DEFAULT_PRESET, dev.mkw.scenario.MachineSpec.DEFAULT_PRESET);
        setPreferenceStore(store);
        setDescription("Defaults for runs whose scenario does not say: the machine, and trace recording.\n"
                + "The Message Log and the Timeline show only what the trace kept.");
    }

    @Override
    protected void createFieldEditors() {
        java.util.List<String> presets = dev.mkw.hw.model.MachinePresets.get().ids();
        String[][] choices = new String[presets.size()][];
        for (int i = 0; i < choices.length; i++) choices[i] = new String[] {presets.get(i), presets.get(i)};
        addField(new org.eclipse.jface.preference.ComboFieldEditor(MkwPreferences.DEFAULT_PRESET, "Machine of scenarios that name none:", choices, getFieldEditorParent()));
        addField(new RadioGroupFieldEditor(MkwPreferences.TRACE_MODE, "Trace recording default", 1, new String[][] {
                {"Off (fastest; no Message Log or Timeline)", MkwPreferences.OFF},
                {"On (every event; memory grows with the run)", MkwPreferences.ON},
                {"Ring: keep the last N events", MkwPreferences.RING}}, getFieldEditorParent(), true));
        IntegerFieldEditor ring = new IntegerFieldEditor(MkwPreferences.TRACE_RING, "N (ring size, events):", getFieldEditorParent());
        ring.setValidRange(1, 50_000_000);
        addField(ring);
    }

    @Override
    public void init(IWorkbench workbench) {
        // The store is set up in the constructor; nothing depends on the workbench.
    }
}
