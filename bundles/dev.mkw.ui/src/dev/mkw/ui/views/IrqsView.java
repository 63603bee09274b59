package dev.mkw.ui.views;

import java.util.List;

import dev.mkw.kernel.inspect.IrqInfo;
import dev.mkw.ui.run.RunResults;

/** Interrupt lines of the latest run: handler, masked/pending, how often raised and delivered, latency. */
public final class IrqsView extends RunTableView<IrqInfo> {
    public static final String ID = "dev.mkw.ui.views.irqs";

    @Override
    protected List<Column<IrqInfo>> columns() {
        return List.of(
                new Column<>("Line", 50, i -> Integer.toString(i.line())),
                new Column<>("Handler", 130, IrqInfo::handler),
                new Column<>("Masked", 60, i -> i.masked() ? "yes" : ""),
                new Column<>("Pending", 60, i -> i.pending() ? "yes" : ""),
                new Column<>("Raised", 70, i -> Long.toString(i.raised())),
                new Column<>("Delivered", 70, i -> Long.toString(i.delivered())),
                new Column<>("Mean latency", 90, i -> String.format("%.1f", i.meanLatency())),
                new Column<>("Max latency", 90, i -> Long.toString(i.maxLatency())));
    }

    @Override
    protected List<IrqInfo> rows(RunResults.Run run) {
        return run.irqs();
    }
}
