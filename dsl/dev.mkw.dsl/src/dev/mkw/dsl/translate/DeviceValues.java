package dev.mkw.dsl.translate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.xtext.EcoreUtil2;

import dev.mkw.dsl.ParamValues;
import dev.mkw.dsl.mkw.Device;
import dev.mkw.dsl.mkw.DeviceParam;
import dev.mkw.dsl.mkw.Expr;
import dev.mkw.dsl.mkw.VarRef;
import dev.mkw.dsl.validation.Constants;

/**
 * What a device's parameters are worth in this load (issue 22: interrupt rates swept as scenario
 * parameters). A value is a constant of the load (a number, a parameter, arithmetic of them:
 * {@code interval rate cycles}, {@code interval 1000000 / rate cycles}) or a word
 * ({@code distribution poisson}): a bare name that no parameter has. Device types read
 * numbers and words as text ({@code dev.mkw.hw.sim.DeviceParameters}), so both become strings.
 */
public final class DeviceValues {
    private DeviceValues() {}

    /** The value the device gets: a constant's decimal, a word, or null (neither, e.g. a variable: validation reports it). */
    public static String of(DeviceParam p) {
        Expr e = p.getValue();
        Long v = Constants.value(e);
        if (v != null) return Long.toString(v);
        return word(e);
    }

    /** The word {@code e} is: a bare name that is not a parameter; null otherwise. */
    public static String word(Expr e) {
        if (e instanceof VarRef r && r.getField() == null && r.getVar() != null && ParamValues.of(r) == null) return r.getVar();
        return null;
    }

    /** Every parameter of {@code d} with a value, by key, in the order written. */
    public static Map<String, String> of(Device d) {
        Map<String, String> m = new LinkedHashMap<>();
        for (DeviceParam p : d.getParams()) {
            String v = of(p);
            if (p.getKey() != null && v != null) m.put(p.getKey(), v);
        }
        return m;
    }

    /** The scenario parameters {@code p}'s value reads, by name in the order written (empty for a number or a word). */
    public static List<String> params(DeviceParam p) {
        List<String> names = new ArrayList<>();
        if (p.getValue() == null) return names;
        List<VarRef> refs = new ArrayList<>(EcoreUtil2.getAllContentsOfType(p.getValue(), VarRef.class));
        if (p.getValue() instanceof VarRef r) refs.add(0, r);
        for (VarRef r : refs) if (ParamValues.of(r) != null && !names.contains(r.getVar())) names.add(r.getVar());
        return names;
    }
}
