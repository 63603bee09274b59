package dev.mkw.dsl.validation;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.eclipse.emf.ecore.EAttribute;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.validation.AbstractDeclarativeValidator;
import org.eclipse.xtext.validation.Check;
import org.eclipse.xtext.validation.EValidatorRegistrar;

import dev.mkw.dsl.mkw.Binary;
import dev.mkw.dsl.mkw.Compute;
import dev.mkw.dsl.mkw.Device;
import dev.mkw.dsl.mkw.DeviceParam;
import dev.mkw.dsl.mkw.Expr;
import dev.mkw.dsl.mkw.Fpu;
import dev.mkw.dsl.mkw.KernelSetting;
import dev.mkw.dsl.mkw.MkwPackage;
import dev.mkw.dsl.mkw.RandomExpr;
import dev.mkw.dsl.mkw.Run;
import dev.mkw.dsl.mkw.Size;
import dev.mkw.dsl.mkw.Thread;
import dev.mkw.dsl.mkw.Touch;
import dev.mkw.dsl.mkw.VarRef;
import dev.mkw.dsl.translate.Numbers;

/**
 * Numbers a run could not honour: literals beyond 64 bits, constant arithmetic that would wrap,
 * cycle counts that would wrap the simulated clock, empty random ranges, message fields that do
 * not exist. Each is an error at the number, so the run never meets a wrapped value (a
 * {@code compute 0x7ffffffffffffff0} that made the clock run backwards) or a field the
 * interpreter cannot read. Part of {@link MkwValidator} through {@code @ComposedChecks}.
 */
public class LimitsValidator extends AbstractDeclarativeValidator {

    /**
     * The largest cycle count one statement or setting may name: 2^56 cycles, over two years of
     * simulated time at 1 GHz, and far below 2^63 where the simulated clock (a long) wraps. The
     * longest encodable L4 timeout (about 25 days) stays below it on every preset.
     */
    public static final long MAX_CYCLES = 1L << 56;

    /** The modelled user address space: 32 bits on every preset (the kernel owns the top quarter). */
    public static final long ADDRESS_SPACE = 1L << 32;

    /** Fields a received message has besides its words w0..w63 (what the interpreter reads). */
    public static final List<String> MESSAGE_FIELDS = List.of("label", "words", "addr", "access", "timedout", "sender", "badge", "cap",
            "string", "bits", "irq", "exception", "ip", "error");
    public static final int MAX_WORDS = 64;

    /** Every attribute the grammar writes as a NumberLiteral (a string the translator parses). */
    private static final List<EAttribute> NUMBER_FEATURES = List.of(MkwPackage.Literals.NUMBER_LIT__VALUE,
            MkwPackage.Literals.MACHINE_SETTING__VALUE, MkwPackage.Literals.KERNEL_SETTING__TIMESLICE,
            MkwPackage.Literals.PROTOCOL_MESSAGE__LABEL, MkwPackage.Literals.CAP_DECL__BADGE, MkwPackage.Literals.REGION__BASE,
            MkwPackage.Literals.IO_PORTS__FIRST, MkwPackage.Literals.IO_PORTS__LAST, MkwPackage.Literals.THREAD__TIMESLICE,
            MkwPackage.Literals.SIZE__VALUE, MkwPackage.Literals.RUN__UNTIL_CYCLES, MkwPackage.Literals.RUN__SEED,
            MkwPackage.Literals.RUN__RING);

    @Override
    public void register(EValidatorRegistrar registrar) {
        // Composed into MkwValidator, which registers for the package.
    }

    @Check
    public void literalFits(EObject o) {
        for (EAttribute f : NUMBER_FEATURES) {
            if (!f.getEContainingClass().isInstance(o) || !(o.eGet(f) instanceof String v)) continue;
            if (!Numbers.fits(v)) error("the number " + v + " does not fit in 64 bits", o, f, IssueCodes.NUMBER_RANGE);
        }
    }

    @Check
    public void sizeFits(Size s) {
        if (Numbers.fits(s.getValue()) && !Numbers.sizeFits(s)) {
            error("the size " + s.getValue() + s.getUnit() + " does not fit in 64 bits", s, null, IssueCodes.NUMBER_RANGE);
        }
    }

    @Check
    public void constantArithmetic(Binary b) {
        String problem = Constants.problem(b);
        if (problem != null) error(problem, b, null, IssueCodes.NUMBER_RANGE);
    }

    @Check
    public void computeCycles(Compute c) {
        cycles(c.getCycles(), "compute", c, MkwPackage.Literals.COMPUTE__CYCLES);
    }

    @Check
    public void fpuCycles(Fpu f) {
        cycles(f.getCycles(), "fpu", f, MkwPackage.Literals.FPU__CYCLES);
    }

    @Check
    public void timeslices(KernelSetting s) {
        if (s.getTimeslice() != null) cycles(s.getTimeslice(), "timeslice", s, MkwPackage.Literals.KERNEL_SETTING__TIMESLICE);
    }

    @Check
    public void threadTimeslice(Thread t) {
        if (t.getTimeslice() != null) cycles(t.getTimeslice(), "timeslice", t, MkwPackage.Literals.THREAD__TIMESLICE);
    }

    /** Device parameters schedule events (an interval in cycles, a count): the same bound keeps their arithmetic exact. */
    @Check
    public void deviceParameters(Device d) {
        for (DeviceParam p : d.getParams()) {
            if (p.getValue() != null) cycles(p.getValue(), p.getKey(), p, MkwPackage.Literals.DEVICE_PARAM__VALUE);
        }
    }

    @Check
    public void traceRing(Run r) {
        if (r.getRing() != null && Numbers.fits(r.getRing()) && Numbers.parse(r.getRing()) > Integer.MAX_VALUE) {
            error("a trace ring keeps at most " + Integer.MAX_VALUE + " events, not " + r.getRing(), r, MkwPackage.Literals.RUN__RING, IssueCodes.NUMBER_RANGE);
        }
    }

    private void cycles(String literal, String what, EObject o, EAttribute f) {
        if (!Numbers.fits(literal)) return; // reported by literalFits
        long v = Numbers.parse(literal);
        if (v < 0 || v > MAX_CYCLES) error(tooMany(what, literal), o, f, IssueCodes.CYCLE_RANGE);
    }

    private void cycles(Expr e, String what, EObject o, org.eclipse.emf.ecore.EStructuralFeature f) {
        Long v = Constants.value(e);
        if (v == null) return; // a variable (checked at run time) or a number reported elsewhere
        if (v < 0) error(what + " " + v + " cycles: a cycle count is not negative", o, f, IssueCodes.CYCLE_RANGE);
        else if (v > MAX_CYCLES) error(tooMany(what, Long.toString(v)), o, f, IssueCodes.CYCLE_RANGE);
    }

    private static String tooMany(String what, String value) {
        return what + " " + value + " cycles: a cycle count is at most 2^56 (" + MAX_CYCLES
                + ", over two years at 1 GHz); more would wrap the simulated clock";
    }

    /** random(lo, hi) draws from lo..hi inclusive: constant bounds must not be reversed. */
    @Check
    public void randomRange(RandomExpr r) {
        Long lo = Constants.value(r.getLo()), hi = Constants.value(r.getHi());
        if (lo != null && hi != null && lo > hi) {
            error("random(" + lo + ", " + hi + ") draws from an empty range: the lower bound " + lo + " is above the upper bound " + hi
                    + "; did you mean random(" + hi + ", " + lo + ")?", r, null, IssueCodes.RANDOM_RANGE, "random(" + hi + ", " + lo + ")");
        }
    }

    /** x.w0..x.w63 and the named fields; anything else has no value at run time. */
    @Check
    public void messageField(VarRef v) {
        String f = v.getField();
        if (f == null || MESSAGE_FIELDS.contains(f)) return;
        if (f.matches("w\\d{1,9}")) {
            int i = Integer.parseInt(f.substring(1));
            if (i < MAX_WORDS) return;
            error("a message has at most " + MAX_WORDS + " words: w" + i + " is not one of w0..w" + (MAX_WORDS - 1), v, MkwPackage.Literals.VAR_REF__FIELD,
                    IssueCodes.UNKNOWN_FIELD);
            return;
        }
        Set<String> known = new TreeSet<>(MESSAGE_FIELDS);
        for (int i = 0; i < 4; i++) known.add("w" + i);
        String best = Suggestions.closest(f, known);
        error("messages have no field '" + f + "'" + (best == null ? "" : "; did you mean " + best + "?") + " (fields: w0..w63, "
                + String.join(", ", MESSAGE_FIELDS) + ")", v, MkwPackage.Literals.VAR_REF__FIELD, IssueCodes.UNKNOWN_FIELD,
                best == null ? new String[0] : new String[] {best});
    }

    /** A touch walks from..to; constant bounds stay inside the address space. */
    @Check
    public void touchRange(Touch t) {
        Long from = Constants.value(t.getFrom()), to = Constants.value(t.getTo());
        if (to != null && (to < 0 || to > ADDRESS_SPACE)) {
            error(String.format("touch ends at 0x%x, beyond the 4 GiB address space (0x0..0x%x)", to, ADDRESS_SPACE), t,
                    MkwPackage.Literals.TOUCH__TO, IssueCodes.REGION_OUTSIDE);
        } else if (from != null && (from < 0 || from > ADDRESS_SPACE)) {
            error(String.format("touch starts at 0x%x, beyond the 4 GiB address space (0x0..0x%x)", from, ADDRESS_SPACE), t,
                    MkwPackage.Literals.TOUCH__FROM, IssueCodes.REGION_OUTSIDE);
        }
        if (t.getStride() != null && Numbers.sizeFits(t.getStride()) && Numbers.size(t.getStride()) <= 0) {
            error("a touch stride is at least 1 byte", t, MkwPackage.Literals.TOUCH__STRIDE, IssueCodes.NUMBER_RANGE);
        }
    }
}
