package dev.mkw.ui.views;

import java.util.List;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.ISelectionListener;

import dev.mkw.kernel.inspect.MessageInfo;
import dev.mkw.ui.run.RunResults;
import dev.mkw.ui.run.TraceMessages;

/**
 * Every IPC of the latest run (from its trace), filterable by thread, protocol or path. The
 * selected row is offered to the workbench as an {@link IpcSelection} (the Timeline shows
 * it), and an IPC selected elsewhere (an arrow in the Timeline) selects its row here.
 */
public final class MessageLogView extends RunTableView<MessageInfo> {
    public static final String ID = "dev.mkw.ui.views.messageLog";
    private final IpcSelectionProvider selection = new IpcSelectionProvider();
    private final ISelectionListener fromOthers = (part, s) -> {
        if (part != this && s instanceof IpcSelection ipc && !ipc.isEmpty()) select(ipc.message());
    };

    @Override
    protected List<Column<MessageInfo>> columns() {
        return List.of(
                new Column<>("Cycle", 90, m -> Long.toString(m.cycle())),
                new Column<>("From", 120, MessageInfo::from),
                new Column<>("To", 120, MessageInfo::to),
                new Column<>("Message", 140, MessageInfo::what),
                new Column<>("Words", 50, m -> Long.toString(m.words())),
                new Column<>("Kernel path", 100, MessageInfo::path));
    }

    @Override
    protected List<MessageInfo> rows(RunResults.Run run) {
        return run.messages();
    }

    @Override
    protected boolean filterable() {
        return true;
    }

    /** A run's messages are made on demand from its trace: searched there, without making them. */
    @Override
    protected int[] keep(List<MessageInfo> rows, String text, IProgressMonitor monitor) {
        return rows instanceof TraceMessages t ? t.matching(text, monitor::isCanceled) : super.keep(rows, text, monitor);
    }

    @Override
    public void createPartControl(Composite parent) {
        super.createPartControl(parent);
        viewer().addSelectionChangedListener(e -> {
            Object first = ((IStructuredSelection) e.getSelection()).getFirstElement();
            selection.setSelection(new IpcSelection(first instanceof MessageInfo m ? m : null));
        });
        getSite().setSelectionProvider(selection);
        getSite().getPage().addSelectionListener(fromOthers);
    }

    /** Select and show the row of {@code m} (records compare by value, so any equal MessageInfo finds it). */
    public void select(MessageInfo m) {
        selectRow(m);
    }

    @Override
    public void dispose() {
        getSite().getPage().removeSelectionListener(fromOthers);
        super.dispose();
    }
}
