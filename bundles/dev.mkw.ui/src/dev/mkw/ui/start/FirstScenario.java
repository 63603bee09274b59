package dev.mkw.ui.start;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;

import dev.mkw.dsl.ui.wizard.ScenarioTemplates;

/**
 * The files the Getting Started steps work on: examples copied into a workspace project
 * "MKW Examples" (from the templates the editor bundle ships, which are the examples
 * themselves), created on first use and never overwritten, so a user's edits survive.
 */
final class FirstScenario {
    static final String PROJECT = "MKW Examples";

    private FirstScenario() {}

    /** The example {@code id} (e.g. ping-pong) as a workspace file, created if missing. */
    static IFile example(String id) throws CoreException {
        IProject p = ResourcesPlugin.getWorkspace().getRoot().getProject(PROJECT);
        if (!p.exists()) p.create(null);
        if (!p.isOpen()) p.open(null);
        // An MKW project: its scenarios are built and indexed (markers for closed files, Find References, Rename).
        dev.mkw.dsl.ui.build.MkwNature.add(p, null);
        IFile f = p.getFile(id + ".mkw");
        if (!f.exists()) {
            String text = ScenarioTemplates.byId(id).text();
            f.create(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), true, null);
        }
        return f;
    }
}
