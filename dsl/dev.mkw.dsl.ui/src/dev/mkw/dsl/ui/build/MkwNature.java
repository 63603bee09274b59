package dev.mkw.dsl.ui.build;

import java.util.Arrays;

import org.eclipse.core.resources.ICommand;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IProjectDescription;
import org.eclipse.core.resources.IProjectNature;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;

/**
 * The MKW project nature: a project with it has the {@link MkwBuilder} on its build spec, so
 * every scenario in it is checked whether open or not. The New MKW Scenario wizard and the
 * Getting Started examples add it; Configure > Convert to MKW Project adds it to any project.
 */
public class MkwNature implements IProjectNature {
    public static final String ID = "dev.mkw.dsl.ui.nature";
    private IProject project;

    /** Adds the nature (and so the builder) to {@code p}, unless it has it already. */
    public static void add(IProject p, IProgressMonitor monitor) throws CoreException {
        if (!p.isOpen() || p.hasNature(ID)) return;
        IProjectDescription d = p.getDescription();
        String[] natures = Arrays.copyOf(d.getNatureIds(), d.getNatureIds().length + 1);
        natures[natures.length - 1] = ID;
        d.setNatureIds(natures);
        p.setDescription(d, monitor);
    }

    public static boolean has(IProject p) {
        try {
            return p.isOpen() && p.hasNature(ID);
        } catch (CoreException e) {
            return false;
        }
    }

    @Override
    public void configure() throws CoreException {
        IProjectDescription d = project.getDescription();
        ICommand[] commands = d.getBuildSpec();
        for (ICommand c : commands) if (MkwBuilder.ID.equals(c.getBuilderName())) return;
        ICommand builder = d.newCommand();
        builder.setBuilderName(MkwBuilder.ID);
        ICommand[] spec = Arrays.copyOf(commands, commands.length + 1);
        spec[commands.length] = builder;
        d.setBuildSpec(spec);
        project.setDescription(d, null);
    }

    @Override
    public void deconfigure() throws CoreException {
        IProjectDescription d = project.getDescription();
        d.setBuildSpec(Arrays.stream(d.getBuildSpec()).filter(c -> !MkwBuilder.ID.equals(c.getBuilderName())).toArray(ICommand[]::new));
        project.setDescription(d, null);
        project.deleteMarkers(dev.mkw.dsl.ui.markers.ProblemMarkers.TYPE, true, org.eclipse.core.resources.IResource.DEPTH_INFINITE);
    }

    @Override
    public IProject getProject() {
        return project;
    }

    @Override
    public void setProject(IProject project) {
        this.project = project;
    }
}
