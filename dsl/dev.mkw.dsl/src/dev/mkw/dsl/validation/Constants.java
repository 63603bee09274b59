package dev.mkw.dsl.validation;

import dev.mkw.dsl.mkw.Binary;
import dev.mkw.dsl.mkw.Expr;
import dev.mkw.dsl.ParamValues;
import dev.mkw.dsl.mkw.NumberLit;
import dev.mkw.dsl.mkw.VarRef;
import dev.mkw.dsl.translate.Numbers;

/**
 * Folds constant expressions, so validation can check bases, cycle counts and timeouts written
 * as {@code 0x1000 + 4K}-like sums. Folding is exact: an operation that would wrap 64 bits has
 * no value here (and {@link #problem} says why), so no check ever works on a wrapped number.
 */
public final class Constants {
    private Constants() {}

    /** The value, or null when the expression depends on a variable (parameters are constants) or a random draw, or does not fit in 64 bits. */
    public static Long value(Expr e) {
        if (e instanceof NumberLit n) return Numbers.fits(n.getValue()) ? Numbers.parse(n.getValue()) : null;
        // A parameter is a constant of the load: its default or the value given (ParamValues).
        if (e instanceof VarRef v) {
            var p = ParamValues.of(v);
            return p == null ? null : ParamValues.value(p);
        }
        if (!(e instanceof Binary b) || b.getOp() == null) return null;
        Long l = value(b.getLeft()), r = value(b.getRight());
        if (l == null || r == null) return null;
        return apply(b.getOp(), l, r);
    }

    /**
     * What is wrong with this one operation on constant operands (it wraps, divides by zero,
     * shifts by 64 or more), or null. Operands that are not constant are the run's business.
     */
    static String problem(Binary b) {
        if (b.getOp() == null) return null;
        Long r = value(b.getRight());
        if (r == null) return null;
        String op = b.getOp();
        if ((op.equals("/") || op.equals("%")) && r == 0) return "division by zero";
        if ((op.equals("<<") || op.equals(">>")) && (r < 0 || r > 63)) return "a shift by " + r + " is outside 0..63";
        Long l = value(b.getLeft());
        if (l == null) return null;
        if (apply(op, l, r) == null) return l + " " + op + " " + r + " does not fit in 64 bits: the result would wrap";
        return null;
    }

    /** The exact result, or null when it does not fit (or is undefined). The interpreter's '>>' is unsigned. */
    private static Long apply(String op, long l, long r) {
        try {
            return switch (op) {
                case "+" -> Math.addExact(l, r);
                case "-" -> Math.subtractExact(l, r);
                case "*" -> Math.multiplyExact(l, r);
                case "|" -> l | r;
                case "&" -> l & r;
                case "/" -> r == 0 ? null : l / r;
                case "%" -> r == 0 ? null : l % r;
                case "<<" -> r < 0 || r > 63 || ((l << r) >> r) != l ? null : l << r;
                case ">>" -> r < 0 || r > 63 ? null : l >>> r;
                default -> null;
            };
        } catch (ArithmeticException e) {
            return null;
        }
    }
}
