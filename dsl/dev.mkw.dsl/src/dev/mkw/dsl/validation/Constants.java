package dev.mkw.dsl.validation;

import dev.mkw.dsl.mkw.Binary;
import dev.mkw.dsl.mkw.Expr;
import dev.mkw.dsl.mkw.NumberLit;
import dev.mkw.dsl.translate.Numbers;

/** Folds constant expressions, so validation can check bases and timeouts written as {@code 0x1000 + 4K}-like sums. */
final class Constants {
    private Constants() {}

    /** The value, or null when the expression depends on a variable or a random draw. */
    static Long value(Expr e) {
        if (e instanceof NumberLit n) return Numbers.parse(n.getValue());
        if (!(e instanceof Binary b) || b.getOp() == null) return null;
        Long l = value(b.getLeft()), r = value(b.getRight());
        if (l == null || r == null) return null;
        return switch (b.getOp()) {
            case "+" -> l + r;
            case "-" -> l - r;
            case "|" -> l | r;
            case "*" -> l * r;
            case "/" -> r == 0 ? null : l / r;
            case "%" -> r == 0 ? null : l % r;
            case "&" -> l & r;
            case "<<" -> l << r;
            case ">>" -> l >> r;
            default -> null;
        };
    }
}
