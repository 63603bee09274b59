package dev.mkw.ui.experiments;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.core.resources.IContainer;
import org.eclipse.core.resources.IResourceChangeEvent;
import org.eclipse.core.resources.IResourceChangeListener;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.part.ViewPart;

import dev.mkw.cli.experiment.ClaimVerdict;
import dev.mkw.cli.experiment.ExperimentFile;
import dev.mkw.cli.experiment.ExperimentReport;

/**
 * The experiments of the workspace (folders with an {@value ExperimentFile#NAME}): select one
 * and Run it as a job with progress ({@link ExperimentJob}); the view then shows each claim's
 * verdict beside the published and the MKW figure, and the plot of the report written into
 * the experiment's {@value #REPORT_FOLDER} folder (report.html, report.md, plot.png, plot.svg,
 * results.csv). "Run As > MKW Experiment" on an experiment file runs it here.
 */
public final class ExperimentsView extends ViewPart {
    public static final String ID = "dev.mkw.ui.views.experiments";
    /** Where a run's report goes, inside the experiment's folder. */
    static final String REPORT_FOLDER = "report";

    private Table experiments;
    private Table claims;
    private Canvas plot;
    private Label status;
    private Button reduced;
    private Image image;
    private final List<IContainer> listed = new ArrayList<>();
    /** The last outcome of each experiment run in this session, by folder. */
    private final Map<IContainer, ExperimentJob.Outcome> outcomes = new HashMap<>();
    private final IResourceChangeListener changes = e -> {
        if (e.getDelta() != null && touchesExperimentFile(e)) Display.getDefault().asyncExec(this::refresh);
    };

    @Override
    public void createPartControl(Composite parent) {
        Composite body = new Composite(parent, SWT.NONE);
        body.setLayout(new GridLayout(1, false));
        Composite bar = new Composite(body, SWT.NONE);
        bar.setLayout(new GridLayout(3, false));
        Button run = new Button(bar, SWT.PUSH);
        run.setText("Run");
        run.setToolTipText("Run the selected experiment: every point of its sweep on this machine's cores, then its claims checked");
        run.addListener(SWT.Selection, e -> runSelected());
        reduced = new Button(bar, SWT.CHECK);
        reduced.setText("Reduced (the test suite's size)");
        status = new Label(bar, SWT.NONE);
        status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        bar.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));

        SashForm split = new SashForm(body, SWT.HORIZONTAL);
        split.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        experiments = table(split, "Experiment", 110, "Folder", 170, "Last run", 200);
        experiments.addListener(SWT.Selection, e -> show(selected()));
        experiments.addListener(SWT.DefaultSelection, e -> runSelected());
        SashForm right = new SashForm(split, SWT.VERTICAL);
        claims = table(right, "Claim", 110, "Verdict", 200, "Published", 230, "MKW", 200);
        plot = new Canvas(right, SWT.DOUBLE_BUFFERED);
        plot.addPaintListener(e -> paintPlot(e.gc));
        right.setWeights(35, 65);
        split.setWeights(35, 65);
        ResourcesPlugin.getWorkspace().addResourceChangeListener(changes, IResourceChangeEvent.POST_CHANGE);
        refresh();
    }

    private static Table table(Composite parent, Object... columns) {
        Table t = new Table(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE);
        t.setHeaderVisible(true);
        t.setLinesVisible(true);
        for (int i = 0; i < columns.length; i += 2) {
            TableColumn c = new TableColumn(t, SWT.LEFT);
            c.setText((String) columns[i]);
            c.setWidth((Integer) columns[i + 1]);
        }
        return t;
    }

    /** List the workspace's experiments again, keeping the selection. */
    public void refresh() {
        if (experiments == null || experiments.isDisposed()) return;
        IContainer keep = selected();
        listed.clear();
        listed.addAll(WorkspaceExperiments.find());
        experiments.removeAll();
        for (IContainer c : listed) {
            TableItem item = new TableItem(experiments, SWT.NONE);
            ExperimentJob.Outcome o = outcomes.get(c);
            item.setText(new String[] {c.getName(), c.getFullPath().toPortableString(), o == null ? "" : summary(o)});
        }
        int i = listed.indexOf(keep);
        if (i >= 0) experiments.select(i);
        status.setText(listed.isEmpty() ? "No experiments in the workspace: a folder with " + ExperimentFile.NAME + " is one (see examples/experiments)"
                : listed.size() + " experiment" + (listed.size() == 1 ? "" : "s"));
        status.getParent().layout();
    }

    /** The experiments listed, by folder path (for tests and people reading the list). */
    public List<String> experimentPaths() {
        return listed.stream().map(c -> c.getFullPath().toPortableString()).toList();
    }

    /** Run the experiment in {@code dir} (Run As > MKW Experiment, the Run button); returns the job. */
    public ExperimentJob run(IContainer dir, boolean reducedRun) {
        if (!listed.contains(dir)) refresh();
        select(dir);
        status.setText("running " + dir.getName() + " ...");
        ExperimentJob job = new ExperimentJob(dir, reducedRun, o -> Display.getDefault().asyncExec(() -> finished(o)));
        job.schedule();
        return job;
    }

    private void runSelected() {
        IContainer dir = selected();
        if (dir != null) run(dir, reduced.getSelection());
        else status.setText("select an experiment first");
    }

    private void finished(ExperimentJob.Outcome o) {
        if (experiments.isDisposed()) return;
        outcomes.put(o.dir(), o);
        refresh();
        select(o.dir());
        show(o.dir());
        status.setText(o.dir().getName() + ": " + summary(o) + (o.report() == null ? "" : "; report in " + o.dir().getFullPath().append(REPORT_FOLDER).append("report.html")));
    }

    private static String summary(ExperimentJob.Outcome o) {
        if (o.report() == null) return o.problem();
        long ok = o.report().verdicts().stream().filter(v -> v.verdict() == ClaimVerdict.Verdict.REPRODUCED).count();
        return ok + " of " + o.report().verdicts().size() + " claims reproduced" + (o.problem() == null ? "" : " (some runs failed)");
    }

    private void select(IContainer dir) {
        int i = listed.indexOf(dir);
        if (i >= 0) experiments.select(i);
    }

    private IContainer selected() {
        int i = experiments == null || experiments.isDisposed() ? -1 : experiments.getSelectionIndex();
        return i >= 0 && i < listed.size() ? listed.get(i) : null;
    }

    /** Show an experiment's last verdicts and plot: this session's run, else the report on disk (plot only). */
    private void show(IContainer dir) {
        claims.removeAll();
        ExperimentJob.Outcome o = dir == null ? null : outcomes.get(dir);
        if (o != null && o.report() != null) {
            for (ClaimVerdict v : o.report().verdicts()) {
                TableItem item = new TableItem(claims, SWT.NONE);
                item.setText(new String[] {v.claim().id(), v.verdict().text(), v.publishedFigure(), v.mkwFigure()});
                item.setForeground(1, Display.getDefault().getSystemColor(switch (v.verdict()) {
                    case REPRODUCED -> SWT.COLOR_DARK_GREEN;
                    case DIRECTION_ONLY -> SWT.COLOR_DARK_YELLOW;
                    case NOT_REPRODUCED -> SWT.COLOR_DARK_RED;
                }));
            }
        } else if (o != null) {
            TableItem item = new TableItem(claims, SWT.NONE);
            item.setText(new String[] {"", o.problem(), "", ""});
        }
        setImage(dir == null ? null : Path.of(dir.getLocation().toOSString()).resolve(REPORT_FOLDER).resolve("plot.png"));
    }

    private void setImage(Path png) {
        if (image != null) image.dispose();
        image = png != null && Files.isRegularFile(png) ? new Image(Display.getDefault(), png.toString()) : null;
        plot.redraw();
    }

    private void paintPlot(org.eclipse.swt.graphics.GC gc) {
        Rectangle area = plot.getClientArea();
        gc.setBackground(Display.getDefault().getSystemColor(SWT.COLOR_WHITE));
        gc.fillRectangle(area);
        if (image == null) {
            gc.drawText("Run an experiment to see its plot here.", 10, 10, true);
            return;
        }
        Rectangle b = image.getBounds();
        double scale = Math.min(1.0, Math.min((double) area.width / b.width, (double) area.height / b.height));
        int w = (int) (b.width * scale), h = (int) (b.height * scale);
        gc.setInterpolation(SWT.HIGH);
        gc.drawImage(image, 0, 0, b.width, b.height, (area.width - w) / 2, (area.height - h) / 2, w, h);
    }

    /** The verdicts shown, one "claim: verdict" per row (for tests and people reading the view). */
    public List<String> claimRows() {
        List<String> rows = new ArrayList<>();
        for (TableItem i : claims.getItems()) rows.add(i.getText(0) + ": " + i.getText(1));
        return rows;
    }

    /** The size of the plot shown, or null when there is none. */
    public Rectangle plotBounds() {
        return image == null ? null : image.getBounds();
    }

    public String statusText() {
        return status.getText();
    }

    private static boolean touchesExperimentFile(IResourceChangeEvent e) {
        boolean[] found = {false};
        try {
            e.getDelta().accept(d -> {
                if (d.getResource().getName().equals(ExperimentFile.NAME)) found[0] = true;
                return !found[0];
            });
        } catch (org.eclipse.core.runtime.CoreException x) {
            return true;
        }
        return found[0];
    }

    @Override
    public void setFocus() {
        experiments.setFocus();
    }

    @Override
    public void dispose() {
        ResourcesPlugin.getWorkspace().removeResourceChangeListener(changes);
        if (image != null) image.dispose();
        super.dispose();
    }
}
