package dev.mkw.ui.views;

import java.util.List;

import dev.mkw.kernel.inspect.CapInfo;
import dev.mkw.ui.run.RunResults;

/** Capabilities each task holds at the end of the latest run, and what each was copied from. */
public final class CapabilitiesView extends RunTableView<CapInfo> {
    public static final String ID = "dev.mkw.ui.views.capabilities";

    @Override
    protected List<Column<CapInfo>> columns() {
        return List.of(
                new Column<>("Task", 90, CapInfo::task),
                new Column<>("Slot", 50, c -> Integer.toString(c.slot())),
                new Column<>("Gate to", 120, CapInfo::target),
                new Column<>("Badge", 80, CapInfo::badge),
                new Column<>("Rights", 60, CapInfo::rights),
                new Column<>("Copied from", 110, CapInfo::derivedFrom));
    }

    @Override
    protected List<CapInfo> rows(RunResults.Run run) {
        return run.capabilities();
    }
}
