package dev.mkw.dsl.ui.build;

import java.io.IOException;

import org.eclipse.core.resources.ISaveContext;
import org.eclipse.core.resources.ISaveParticipant;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.Platform;

/**
 * Writes the workspace index whenever the workspace saves its own state: the snapshots taken
 * every few minutes and the full save when the workbench closes. The index is then as current
 * as the workspace's record of the files it describes.
 */
final class SaveIndex implements ISaveParticipant {
    private final WorkspaceScenarios scenarios;

    SaveIndex(WorkspaceScenarios scenarios) {
        this.scenarios = scenarios;
    }

    @Override
    public void saving(ISaveContext context) throws CoreException {
        if (context.getKind() == ISaveContext.PROJECT_SAVE) return; // one project's save: the next full one writes it all
        try {
            scenarios.save();
        } catch (IOException e) {
            // Not a reason to fail the workspace's save: without the file the next session indexes the files again.
            Platform.getLog(SaveIndex.class).warn("MKW: could not keep the scenario index in " + scenarios.store() + ": " + e);
        }
    }

    @Override
    public void prepareToSave(ISaveContext context) {}

    @Override
    public void doneSaving(ISaveContext context) {}

    @Override
    public void rollback(ISaveContext context) {}
}
