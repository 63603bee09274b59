package dev.mkw.ui.views;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.part.ViewPart;

import dev.mkw.sim.analysis.Analyses;
import dev.mkw.ui.run.RunResults;

/**
 * Every analysis known to the workbench (built-in and contributed through
 * {@code dev.mkw.sim.analyses}) applied to the latest run, one table each. Analyses are
 * contributed code of unknown cost, so they run in a job; one that throws shows as an error
 * row naming it and its plugin while the others still show.
 */
public final class AnalysesView extends ViewPart {
    public static final String ID = "dev.mkw.ui.views.analyses";
    /** The one row of an analysis that found nothing in the run. */
    public static final String NO_ROWS = "(nothing in this run)";
    private final AtomicLong generation = new AtomicLong();
    private ScrolledComposite scroll;
    private Composite content;
    private List<AnalysisOutcome> shown = List.of();

    @Override
    public void createPartControl(Composite parent) {
        scroll = new ScrolledComposite(parent, SWT.V_SCROLL | SWT.H_SCROLL);
        scroll.setExpandHorizontal(true);
        scroll.setExpandVertical(true);
        content = new Composite(scroll, SWT.NONE);
        content.setLayout(new GridLayout(1, false));
        scroll.setContent(content);
        ExportActions.addTo(getViewSite());
        new RunFeed(scroll, (latest, previous) -> show(latest));
        show(RunResults.get().latest());
    }

    private void show(RunResults.Run run) {
        long gen = generation.incrementAndGet();
        if (run == null) {
            render(List.of(), ProfileData.NO_RUN);
            return;
        }
        Job job = Job.create("MKW: analyses of " + run.label(), monitor -> {
            List<AnalysisOutcome> outcomes = AnalysisOutcome.of(Analyses.discover(), run.report());
            if (!scroll.isDisposed()) scroll.getDisplay().asyncExec(() -> {
                if (gen == generation.get()) render(outcomes, run.label() + ": " + outcomes.size() + " analyses");
            });
            return Status.OK_STATUS;
        });
        job.setSystem(true);
        job.schedule();
    }

    /**
     * Replaces the view's tables: the headline at once, then one analysis per UI event (building
     * a table widget costs tens of milliseconds; all at once held the UI thread too long after a
     * big run). {@link #outcomes()} changes when the last one is in.
     */
    private void render(List<AnalysisOutcome> outcomes, String headline) {
        if (content.isDisposed()) return;
        long gen = generation.get();
        for (Control c : content.getChildren()) c.dispose();
        new Label(content, SWT.NONE).setText(headline);
        renderFrom(outcomes, 0, gen);
    }

    private void renderFrom(List<AnalysisOutcome> outcomes, int i, long gen) {
        if (content.isDisposed() || gen != generation.get()) return;
        if (i < outcomes.size()) {
            AnalysisOutcome o = outcomes.get(i);
            Label title = new Label(content, SWT.NONE);
            title.setFont(JFaceResources.getBannerFont());
            String name = o.result() != null ? o.result().title() : o.id();
            title.setText(name + "   [" + o.id() + ", " + o.origin() + "]");
            title.setToolTipText(o.description());
            table(o);
            content.getDisplay().asyncExec(() -> renderFrom(outcomes, i + 1, gen));
            return;
        }
        shown = outcomes;
        scroll.setMinSize(content.computeSize(SWT.DEFAULT, SWT.DEFAULT));
        content.layout(true, true);
    }

    private void table(AnalysisOutcome o) {
        Table t = new Table(content, SWT.BORDER | SWT.FULL_SELECTION);
        t.setHeaderVisible(true);
        t.setLinesVisible(true);
        List<String> cols = o.failed() ? List.of("error") : o.result().columns();
        for (String c : cols) new TableColumn(t, SWT.NONE).setText(c);
        if (o.failed()) {
            new TableItem(t, SWT.NONE).setText(0, o.error());
        } else if (o.result().rows().isEmpty()) {
            // An empty table looks broken; say that the run gave this analysis nothing to count.
            new TableItem(t, SWT.NONE).setText(0, NO_ROWS);
        } else {
            for (List<String> row : o.result().rows()) new TableItem(t, SWT.NONE).setText(row.toArray(String[]::new));
        }
        for (TableColumn c : t.getColumns()) c.pack();
        GridData gd = new GridData(SWT.FILL, SWT.TOP, true, false);
        // Short tables show whole; long ones scroll within ten rows so the next analysis stays in reach.
        gd.heightHint = t.getHeaderHeight() + Math.max(1, Math.min(10, t.getItemCount())) * t.getItemHeight() + 4;
        t.setLayoutData(gd);
    }

    /** What the view shows, for tests. */
    public List<AnalysisOutcome> outcomes() {
        return shown;
    }

    /** The tables in display order, for tests. */
    public List<Table> tables() {
        return java.util.Arrays.stream(content.getChildren()).filter(Table.class::isInstance).map(Table.class::cast).toList();
    }

    @Override
    public void setFocus() {
        scroll.setFocus();
    }
}
