package dev.mkw.run;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.mkw.scenario.Expr;
import dev.mkw.scenario.MessageSpec;
import dev.mkw.scenario.Op;
import dev.mkw.scenario.Scenario;
import dev.mkw.scenario.TaskSpec;
import dev.mkw.scenario.ThreadSpec;

/**
 * Debug symbols for the trace: the protocol message each constant label stands for
 * ({@code Echo.request}), collected from the programs, so the trace and the Message Log can
 * name what the kernel only sees as a label.
 */
final class ProtocolLabels {
    private ProtocolLabels() {}

    static Map<Long, String> of(Scenario s) {
        Map<Long, String> names = new TreeMap<>();
        for (TaskSpec task : s.tasks()) for (ThreadSpec th : task.threads()) collect(th.body(), names);
        return names;
    }

    private static void collect(List<Op> ops, Map<Long, String> names) {
        for (Op op : ops) {
            MessageSpec m = switch (op) {
                case Op.Send x -> x.msg();
                case Op.Call x -> x.msg();
                case Op.DomainCall x -> x.msg();
                case Op.Reply x -> x.msg();
                case Op.ReplyWait x -> x.msg();
                default -> null;
            };
            if (m != null && m.protocol() != null && m.label() instanceof Expr.Const c) names.putIfAbsent(c.value(), m.protocol());
            if (op instanceof Op.Repeat r) collect(r.body(), names);
            if (op instanceof Op.If i) {
                collect(i.then(), names);
                collect(i.otherwise(), names);
            }
        }
    }
}
