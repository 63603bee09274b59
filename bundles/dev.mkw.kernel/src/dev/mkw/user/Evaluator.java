package dev.mkw.user;

import dev.mkw.kernel.ipc.Message;
import dev.mkw.scenario.Expr;
import dev.mkw.scenario.Op;
import dev.mkw.scenario.SourceRef;
import dev.mkw.kernel.tcb.Tcb;
import dev.mkw.sim.SimRandom;

/** Evaluates expressions of one thread: its variables, the fields of its received messages, the run's random source. */
public final class Evaluator {
    private final Tcb thread;
    private final SimRandom random;

    public Evaluator(Tcb thread, SimRandom random) {
        this.thread = thread;
        this.random = random;
    }

    public void set(String var, long value) {
        thread.variables.put(var, value);
    }

    public long value(Expr e, SourceRef at) {
        if (e instanceof Expr.Const c) return c.value();
        if (e instanceof Expr.Var v) {
            Long x = thread.variables.get(v.name());
            if (x == null) throw new UserError("variable '" + v.name() + "' has no value yet", at);
            return x;
        }
        if (e instanceof Expr.Field f) return field(f, at);
        if (e instanceof Expr.Random r) return random.between(value(r.lo(), at), value(r.hi(), at));
        Expr.Binary b = (Expr.Binary) e;
        long l = value(b.left(), at), r = value(b.right(), at);
        switch (b.op()) {
            case "+": return l + r;
            case "-": return l - r;
            case "*": return l * r;
            case "/": if (r == 0) throw new UserError("division by zero", at); return l / r;
            case "%": if (r == 0) throw new UserError("division by zero", at); return l % r;
            case "&": return l & r;
            case "|": return l | r;
            case "<<": return l << r;
            case ">>": return l >>> r;
            default: throw new UserError("unknown operator " + b.op(), at);
        }
    }

    private long field(Expr.Field f, SourceRef at) {
        Message m = thread.received.get(f.var());
        if (m == null) throw new UserError("no message received as '" + f.var() + "' yet", at);
        String n = f.field();
        if (n.startsWith("w")) {
            int i = Integer.parseInt(n.substring(1));
            if (i >= m.words().length) throw new UserError("message '" + f.var() + "' has " + m.words().length + " words; w" + i + " does not exist", at);
            return m.words()[i];
        }
        switch (n) {
            case "label": return m.label();
            case "words": return m.words().length;
            case "addr": return m.faultAddress();
            case "access": return m.faultKind();
            case "timedout": return m.timedOut() ? 1 : 0;
            case "sender": return m.sender();
            case "badge": return m.badge();
            case "cap": return m.capSlot();
            case "string": return m.stringBytes();
            case "bits": return m.label();
            case "irq": return m.label();
            case "exception": return m.faultKind();
            case "ip":
                // Exception IPC: w0; page-fault IPC (L4 X.2 layout): w1.
                if (m.protocol() != null && m.protocol().startsWith("exception") && m.words().length > 0) return m.words()[0];
                if ("page-fault".equals(m.protocol()) && m.words().length > 1) return m.words()[1];
                throw new UserError("'" + f.var() + "' is not an exception or page-fault message: it has no field 'ip'", at);
            case "error": return m.error();
            default: throw new UserError("messages have no field '" + n + "'", at);
        }
    }

    public boolean test(Op.Cond c, SourceRef at) {
        long l = value(c.left(), at), r = value(c.right(), at);
        switch (c.op()) {
            case "==": return l == r;
            case "!=": return l != r;
            case "<": return l < r;
            case "<=": return l <= r;
            case ">": return l > r;
            case ">=": return l >= r;
            default: throw new UserError("unknown comparison " + c.op(), at);
        }
    }

    /** A rule the user's program broke; the kernel turns it into a run error naming thread and cycle. */
    public static final class UserError extends RuntimeException {
        private static final long serialVersionUID = 1L;
        public final SourceRef at;
        public UserError(String m, SourceRef at) { super(m); this.at = at; }
    }
}
