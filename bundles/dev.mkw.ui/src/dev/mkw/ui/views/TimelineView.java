package dev.mkw.ui.views;

import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StackLayout;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.ISelectionListener;
import org.eclipse.ui.part.ViewPart;

import dev.mkw.kernel.inspect.MessageInfo;
import dev.mkw.sim.report.RunReport;
import dev.mkw.ui.charts.TimelineCanvas;
import dev.mkw.ui.charts.TimelineModel;
import dev.mkw.ui.run.RunResults;

/**
 * The run over simulated time: CPU and thread lanes (user, kernel, idle) with IPC arrows,
 * zoom (mouse wheel, buttons) and a horizontal scrollbar. The lanes are derived from the
 * trace in a job, never on the UI thread. A clicked arrow becomes the workbench's
 * {@link IpcSelection} (the Message Log selects its row); an IPC selected in the Message
 * Log is highlighted and scrolled to here. A run without a trace says so instead of
 * drawing an empty canvas.
 */
public final class TimelineView extends ViewPart {
    public static final String ID = "dev.mkw.ui.views.timeline";
    private final IpcSelectionProvider selection = new IpcSelectionProvider();
    private final AtomicLong generation = new AtomicLong();
    private Label status;
    private Composite stack;
    private TimelineCanvas canvas;
    private Label noTrace;
    private MessageInfo pending;
    private final java.util.List<Button> zoomButtons = new java.util.ArrayList<>();
    private final ISelectionListener fromOthers = (part, s) -> {
        if (part != this && s instanceof IpcSelection ipc && !ipc.isEmpty()) reveal(ipc.message());
    };

    @Override
    public void createPartControl(Composite parent) {
        parent.setLayout(new GridLayout(5, false));
        // The status gets a row of its own: beside the buttons a narrow view squeezed it to nothing.
        status = new Label(parent, SWT.NONE);
        status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 5, 1));
        zoomButtons.add(button(parent, "Zoom in", () -> canvas.zoom(2)));
        zoomButtons.add(button(parent, "Zoom out", () -> canvas.zoom(0.5)));
        zoomButtons.add(button(parent, "Fit", () -> canvas.zoomToFit()));
        legend(parent);
        new Label(parent, SWT.NONE).setText("Mouse wheel: zoom.  Click an arrow: select the IPC.");
        stack = new Composite(parent, SWT.NONE);
        stack.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 5, 1));
        stack.setLayout(new StackLayout());
        canvas = new TimelineCanvas(stack);
        noTrace = new Label(stack, SWT.WRAP | SWT.CENTER);
        canvas.onArrowClick(i -> selection.setSelection(new IpcSelection(canvas.model().arrows().get(i).message())));
        getSite().setSelectionProvider(selection);
        getSite().getPage().addSelectionListener(fromOthers);
        ExportActions.addTo(getViewSite());
        new RunFeed(canvas, (latest, previous) -> show(latest));
        show(RunResults.get().latest());
    }

    /** Which colour is which, drawn with the timeline's own colours. */
    private static void legend(Composite parent) {
        org.eclipse.swt.widgets.Canvas c = new org.eclipse.swt.widgets.Canvas(parent, SWT.NONE);
        String[] names = {"user", "kernel", "idle", "IPC", "IPC across CPUs"};
        org.eclipse.swt.graphics.Color[] colors = {dev.mkw.ui.charts.ChartColors.USER, dev.mkw.ui.charts.ChartColors.KERNEL,
                dev.mkw.ui.charts.ChartColors.IDLE, dev.mkw.ui.charts.ChartColors.ARROW, dev.mkw.ui.charts.ChartColors.CROSS_CPU};
        c.addPaintListener(e -> {
            int x = 4, h = e.gc.getFontMetrics().getHeight();
            for (int i = 0; i < names.length; i++) {
                e.gc.setBackground(colors[i]);
                e.gc.fillRectangle(x, 3, h - 4, h - 4);
                e.gc.drawText(names[i], x + h, 1, true);
                x += h + e.gc.textExtent(names[i]).x + 12;
            }
        });
        GridData gd = new GridData(SWT.LEFT, SWT.CENTER, false, false);
        gd.widthHint = 370;
        gd.heightHint = 20;
        c.setLayoutData(gd);
    }

    private static Button button(Composite parent, String text, Runnable r) {
        Button b = new Button(parent, SWT.PUSH);
        b.setText(text);
        b.addListener(SWT.Selection, e -> r.run());
        return b;
    }

    private void show(RunResults.Run run) {
        long gen = generation.incrementAndGet();
        if (run == null) {
            message(ProfileData.NO_RUN);
            return;
        }
        RunReport r = run.report();
        if (r.trace().mode() == dev.mkw.sim.Trace.Mode.OFF) {
            message("Tracing was off for this run, so there is no timeline.\n\nRecord a trace (scenario: run ... trace on, "
                    + "or trace ring N; or the MKW trace preference) and run again.");
            status.setText(run.label() + ": no trace recorded");
            return;
        }
        status.setText(run.label() + ": building the timeline from " + String.format("%,d", r.trace().events().size()) + " events...");
        Job job = Job.create("MKW: timeline of " + run.label(), monitor -> {
            TimelineModel m = TimelineModel.of(r, run.messages());
            if (!canvas.isDisposed()) canvas.getDisplay().asyncExec(() -> install(gen, run, m));
            return Status.OK_STATUS;
        });
        job.setSystem(true);
        job.schedule();
    }

    private void install(long gen, RunResults.Run run, TimelineModel m) {
        // A newer run was published while this one was being built: it will install itself.
        if (canvas.isDisposed() || gen != generation.get()) return;
        String ring = m.dropped() > 0 ? String.format(" (the ring kept the last events; %,d earlier ones dropped)", m.dropped()) : "";
        String across = m.cpuLanes() > 1 ? String.format(" (%,d across CPUs)", m.crossCpuArrows()) : "";
        status.setText(String.format("%s: %,d lanes, %,d IPCs%s, cycles %,d..%,d%s", run.label(), m.lanes().size(), m.arrows().size(),
                across, m.first(), m.last(), ring));
        ((StackLayout) stack.getLayout()).topControl = canvas;
        stack.layout();
        zoomButtons.forEach(b -> b.setEnabled(true));
        canvas.setModel(m);
        if (pending != null) reveal(pending);
        status.getParent().layout();
    }

    private void message(String text) {
        noTrace.setText(text);
        // Zooming a timeline that is not shown would only confuse.
        zoomButtons.forEach(b -> b.setEnabled(false));
        ((StackLayout) stack.getLayout()).topControl = noTrace;
        stack.layout();
    }

    /** Highlight the arrow of {@code m} and scroll to it; remembered until the timeline of its run is built. */
    public void reveal(MessageInfo m) {
        TimelineModel model = canvas.model();
        int i = model == null ? -1 : model.arrowOf(m);
        pending = i < 0 ? m : null;
        if (i >= 0) canvas.reveal(i);
    }

    /** Whether the "no trace" message is showing instead of the canvas; for tests. */
    public boolean showsNoTraceMessage() {
        return ((StackLayout) stack.getLayout()).topControl == noTrace;
    }

    public String noTraceText() {
        return noTrace.getText();
    }

    /** The canvas, for tests. */
    public TimelineCanvas canvas() {
        return canvas;
    }

    @Override
    public void setFocus() {
        canvas.setFocus();
    }

    @Override
    public void dispose() {
        getSite().getPage().removeSelectionListener(fromOthers);
        super.dispose();
    }
}
