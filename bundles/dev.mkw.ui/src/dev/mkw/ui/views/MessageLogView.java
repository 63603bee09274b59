package dev.mkw.ui.views;

import java.util.List;

import dev.mkw.kernel.inspect.MessageInfo;
import dev.mkw.ui.run.RunResults;

/** Every IPC of the latest run (from its trace), filterable by thread, protocol or path. */
public final class MessageLogView extends RunTableView<MessageInfo> {
    public static final String ID = "dev.mkw.ui.views.messageLog";

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
}
