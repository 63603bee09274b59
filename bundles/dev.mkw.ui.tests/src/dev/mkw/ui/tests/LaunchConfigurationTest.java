package dev.mkw.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.core.ILaunchManager;
import org.junit.jupiter.api.Test;

import dev.mkw.ui.launch.ScenarioLaunch;
import dev.mkw.ui.launch.ScenarioLaunchShortcut;
import dev.mkw.ui.run.RunResults;

/** "MKW Scenario" launch configurations: settings from the tabs reach the run; a broken one is refused. */
class LaunchConfigurationTest {

    private static IFile exampleInWorkspace(String name) throws Exception {
        IProject p = ResourcesPlugin.getWorkspace().getRoot().getProject("scenarios");
        if (!p.exists()) p.create(null);
        if (!p.isOpen()) p.open(null);
        IFile f = p.getFile(name);
        if (!f.exists()) {
            Path src = Path.of(System.getProperty("mkw.home", "../..")).resolve("examples/scenarios").resolve(name);
            f.create(Files.newInputStream(src), true, null);
        }
        return f;
    }

    @Test
    void aLaunchRunsTheScenarioWithTheConfiguredSettings() throws Exception {
        IFile file = exampleInWorkspace("ping-pong.mkw");
        ILaunchConfigurationWorkingCopy wc = ScenarioLaunchShortcut.configurationFor(file).getWorkingCopy();
        wc.setAttribute(ScenarioLaunch.SETTING + "run.seed", "7");
        wc.setAttribute(ScenarioLaunch.SETTING + "machine.preset", "x86_64_pcid");
        ILaunchConfiguration config = wc.doSave();
        config.launch(ILaunchManager.RUN_MODE, new NullProgressMonitor());
        RunResults.Run run = RunResults.get().latest();
        assertEquals(file.getLocation().toFile().toPath().toString(), run.file());
        assertEquals(7, run.report().seed());
        assertEquals("x86_64_pcid", run.report().preset());
        assertTrue(run.report().kernelPaths().containsKey("ipc.fastpath"));
        assertEquals(config, ScenarioLaunchShortcut.configurationFor(file), "Run As reuses the file's configuration");
    }

    @Test
    void aBadSettingIsRefusedWithItsReason() throws Exception {
        IFile file = exampleInWorkspace("ping-pong.mkw");
        ILaunchConfigurationWorkingCopy wc = ScenarioLaunchShortcut.configurationFor(file).copy("bad-scheduling");
        wc.setAttribute(ScenarioLaunch.SETTING + "kernel.scheduling", "fifo");
        CoreException e = assertThrows(CoreException.class, () -> wc.doSave().launch(ILaunchManager.RUN_MODE, new NullProgressMonitor()));
        assertTrue(e.getMessage().contains("kernel.scheduling must be one of eager | lazy | benno, got 'fifo'"), e.getMessage());
    }
}
