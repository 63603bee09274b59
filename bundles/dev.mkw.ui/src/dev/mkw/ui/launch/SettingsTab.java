package dev.mkw.ui.launch;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.ui.AbstractLaunchConfigurationTab;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;

import dev.mkw.run.VariantSettings;

/**
 * A tab of settings that override the scenario (the keys of {@code mkw run --set}): one
 * editable combo per key, offering the values the key accepts; left empty, the scenario's
 * own value holds.
 */
public final class SettingsTab extends AbstractLaunchConfigurationTab {
    private final String name;
    private final List<String> keys;
    private final Map<String, List<String>> choices;
    private final Map<String, Combo> combos = new LinkedHashMap<>();

    public SettingsTab(String name, List<String> keys, Map<String, List<String>> choices) {
        this.name = name;
        this.keys = keys;
        this.choices = choices;
    }

    @Override
    public void createControl(Composite parent) {
        Composite c = new Composite(parent, SWT.NONE);
        c.setLayout(new GridLayout(3, false));
        for (String key : keys) {
            new Label(c, SWT.NONE).setText(key);
            Combo combo = new Combo(c, SWT.DROP_DOWN);
            combo.add("");
            for (String v : choices.getOrDefault(key, List.of())) combo.add(v);
            combo.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
            combo.addModifyListener(e -> updateLaunchConfigurationDialog());
            new Label(c, SWT.NONE).setText(VariantSettings.KEYS.get(key));
            combos.put(key, combo);
        }
        setControl(c);
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public void setDefaults(ILaunchConfigurationWorkingCopy configuration) {
        for (String key : keys) configuration.setAttribute(ScenarioLaunch.SETTING + key, "");
    }

    @Override
    public void initializeFrom(ILaunchConfiguration configuration) {
        try {
            for (String key : keys) combos.get(key).setText(configuration.getAttribute(ScenarioLaunch.SETTING + key, ""));
        } catch (CoreException e) {
            setErrorMessage(e.getMessage());
        }
    }

    @Override
    public void performApply(ILaunchConfigurationWorkingCopy configuration) {
        for (String key : keys) configuration.setAttribute(ScenarioLaunch.SETTING + key, combos.get(key).getText().trim());
    }
}
