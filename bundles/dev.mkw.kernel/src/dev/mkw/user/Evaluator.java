package dev.mkw.user;

import dev.mkw.scenario.Expr;
import dev.mkw.scenario.Op;
import dev.mkw.scenario.SourceRef;
import dev.mkw.sim.SimRandom;

/** Evaluates expressions of one thread: its variables, the fields of its received messages, the run's random source. */
public final class Evaluator {
    private final ThreadVariables thread;
    private final SimRandom random;

    public Evaluator(ThreadVariables thread, SimRandom random) {
        this.thread = thread;
        this.random = random;
    }

    public void set(String var, long value) {
        thread.set(var, value);
    }

    public long value(Expr e, SourceRef at) {
        if (e instanceof Expr.Const c) return c.value();
        if (e instanceof Expr.Var v) {
            ThreadVariables.Slot x = thread.find(v.name());
            if (x == null || !x.hasValue) throw new UserError("variable '" + v.name() + "' has no value yet", at);
            return x.value;
        }
        if (e instanceof Expr.Field f) return field(f, at);
        if (e instanceof Expr.Random r) {
            long lo = value(r.lo(), at), hi = value(r.hi(), at);
            if (lo > hi) throw new UserError("random(" + lo + ", " + hi + "): the lower bound is above the upper bound", at);
            return random.between(lo, hi);
        }
        Expr.Binary b = (Expr.Binary) e;
        long l = value(b.left(), at), r = value(b.right(), at);
        try {
            return arithmetic(b.op(), l, r, at);
        } catch (ArithmeticException overflow) {
            throw new UserError(l + " " + b.op() + " " + r + " does not fit in 64 bits", at);
        }
    }

    /** 64-bit arithmetic that says so when a result would wrap (it never wraps silently). */
    private static long arithmetic(String op, long l, long r, SourceRef at) {
        switch (op) {
            case "+": return Math.addExact(l, r);
            case "-": return Math.subtractExact(l, r);
            case "*": return Math.multiplyExact(l, r);
            case "/": if (r == 0) throw new UserError("division by zero", at); return l / r;
            case "%": if (r == 0) throw new UserError("division by zero", at); return l % r;
            case "&": return l & r;
            case "|": return l | r;
            case "<<":
                if (r < 0 || r > 63 || (l != 0 && Long.numberOfLeadingZeros(Math.abs(l)) <= r)) throw new ArithmeticException();
                return l << r;
            case ">>": return l >>> r;
            default: throw new UserError("unknown operator " + op, at);
        }
    }

    private long field(Expr.Field f, SourceRef at) {
        ReceivedMessage m = thread.received(f.var());
        if (m == null) throw new UserError("no message received as '" + f.var() + "' yet", at);
        return m.field(f.var(), f.field(), at);
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
