package dev.mkw.ui.views;

import java.util.List;

import dev.mkw.kernel.inspect.MappingInfo;
import dev.mkw.ui.run.RunResults;

/** Address spaces of the latest run: every mapping with its rights and its place in the mapping database. */
public final class AddressSpacesView extends RunTableView<MappingInfo> {
    public static final String ID = "dev.mkw.ui.views.addressSpaces";

    @Override
    protected List<Column<MappingInfo>> columns() {
        return List.of(
                new Column<>("Task", 90, MappingInfo::task),
                new Column<>("Virtual page", 110, MappingInfo::vaddr),
                new Column<>("Frame", 100, MappingInfo::frame),
                new Column<>("Rights", 60, MappingInfo::rights),
                new Column<>("Derived from", 140, MappingInfo::derivedFrom),
                new Column<>("Derived mappings", 110, m -> Integer.toString(m.derived())));
    }

    @Override
    protected List<MappingInfo> rows(RunResults.Run run) {
        return run.mappings();
    }

    @Override
    protected boolean filterable() {
        return true;
    }
}
