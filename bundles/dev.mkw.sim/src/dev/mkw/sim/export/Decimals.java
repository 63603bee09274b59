package dev.mkw.sim.export;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Locale- and JDK-independent number formatting for reports: plain notation, rounded
 * half-even, no trailing zeros. {@code String.format("%f")} would follow the default
 * locale (a comma in German) and {@code Double.toString} switches to exponents.
 */
public final class Decimals {
    private Decimals() {}

    public static String format(double v, int fractionDigits) {
        if (!Double.isFinite(v)) throw new IllegalArgumentException("not a finite number: " + v);
        BigDecimal d = new BigDecimal(v).setScale(fractionDigits, RoundingMode.HALF_EVEN).stripTrailingZeros();
        if (d.signum() == 0) return "0";
        return d.toPlainString();
    }

    /** {@code cycles} at {@code clockMhz} in microseconds, to the picosecond. */
    public static String micros(long cycles, double clockMhz) {
        if (clockMhz <= 0) throw new IllegalArgumentException("clock must be > 0 MHz, got " + clockMhz);
        BigDecimal d = BigDecimal.valueOf(cycles).divide(new BigDecimal(clockMhz), 6, RoundingMode.HALF_EVEN)
                .stripTrailingZeros();
        if (d.signum() == 0) return "0";
        return d.toPlainString();
    }

    /** A ratio as a percentage with one decimal, e.g. "12.5". */
    public static String percent(long part, long whole) {
        if (whole == 0) return "0";
        return format(100.0 * part / whole, 1);
    }
}
