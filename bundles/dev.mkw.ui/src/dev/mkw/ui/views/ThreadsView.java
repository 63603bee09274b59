package dev.mkw.ui.views;

import java.util.List;

import dev.mkw.kernel.inspect.ThreadInfo;
import dev.mkw.ui.run.RunResults;

/** Threads of the latest run: ID, task, state, priority, quantum, partner, cycles, IPCs, faults. */
public final class ThreadsView extends RunTableView<ThreadInfo> {
    public static final String ID = "dev.mkw.ui.views.threads";

    @Override
    protected List<Column<ThreadInfo>> columns() {
        return List.of(
                new Column<>("Thread ID", 90, ThreadInfo::id),
                new Column<>("Thread", 120, ThreadInfo::name),
                new Column<>("Task", 80, ThreadInfo::task),
                new Column<>("State", 90, ThreadInfo::state),
                new Column<>("Priority", 60, t -> Integer.toString(t.priority())),
                new Column<>("Quantum", 70, t -> Long.toString(t.quantum())),
                new Column<>("Partner", 100, ThreadInfo::partner),
                new Column<>("User cycles", 90, t -> Long.toString(t.userCycles())),
                new Column<>("Kernel cycles", 90, t -> Long.toString(t.kernelCycles())),
                new Column<>("IPC sent", 70, t -> Long.toString(t.ipcsSent())),
                new Column<>("IPC received", 80, t -> Long.toString(t.ipcsReceived())),
                new Column<>("Page faults", 80, t -> Long.toString(t.pageFaults())),
                new Column<>("CPU", 40, t -> Integer.toString(t.cpu())));
    }

    @Override
    protected List<ThreadInfo> rows(RunResults.Run run) {
        return run.threads();
    }
}
