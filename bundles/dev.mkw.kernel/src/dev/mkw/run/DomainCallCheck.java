package dev.mkw.run;

import java.util.List;

import dev.mkw.hw.sim.CpuFeatures;
import dev.mkw.hw.sim.DomainCallHardware;
import dev.mkw.hw.sim.MachineDescription;
import dev.mkw.scenario.Op;
import dev.mkw.scenario.Scenario;
import dev.mkw.scenario.TaskSpec;
import dev.mkw.scenario.ThreadSpec;

/**
 * Before a run: every {@code call T via HW} of the scenario names cross-domain call hardware that a
 * plugin contributes and that the machine (after its overrides and the sweep's settings) can have.
 * Otherwise the word would have no effect, so the run is refused, naming the file, line and column.
 */
final class DomainCallCheck {
    private DomainCallCheck() {}

    /** The first problem, as {@code FILE:LINE:COL: message}, or null. */
    static String problem(Scenario s, MachineDescription machine) {
        CpuFeatures features = null;
        for (TaskSpec t : s.tasks()) {
            for (ThreadSpec th : t.threads()) {
                for (Op.DomainCall c : calls(th.body(), new java.util.ArrayList<>())) {
                    if (features == null) features = CpuFeatures.standard();
                    DomainCallHardware hw = features.domainCall(c.hardware());
                    String why;
                    if (hw == null) {
                        why = "no cross-domain call hardware '" + c.hardware() + "' is installed (known: "
                                + (features.domainCallIds().isEmpty() ? "none" : String.join(", ", features.domainCallIds()))
                                + "); a plugin contributes it through " + CpuFeatures.EXTENSION_POINT;
                    } else {
                        why = hw.unsupported(machine);
                        if (why == null && s.kernel().smallSpaces()) why = "small address spaces (small-spaces on) switch segments, not tags";
                        if (why != null) why = "machine " + machine.name() + " cannot have " + c.hardware() + ": " + why;
                    }
                    if (why != null) return c.at() + ": call via " + c.hardware() + ": " + why;
                }
            }
        }
        return null;
    }

    private static List<Op.DomainCall> calls(List<Op> body, List<Op.DomainCall> into) {
        for (Op op : body) {
            if (op instanceof Op.DomainCall c) into.add(c);
            if (op instanceof Op.Repeat r) calls(r.body(), into);
            if (op instanceof Op.If i) {
                calls(i.then(), into);
                calls(i.otherwise(), into);
            }
        }
        return into;
    }
}
