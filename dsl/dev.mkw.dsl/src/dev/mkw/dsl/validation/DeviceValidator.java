package dev.mkw.dsl.validation;

import java.util.AbstractMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.eclipse.xtext.validation.Check;
import org.eclipse.xtext.validation.EValidatorRegistrar;
import org.eclipse.xtext.validation.AbstractDeclarativeValidator;

import dev.mkw.dsl.ParamValues;
import dev.mkw.dsl.mkw.Device;
import dev.mkw.dsl.mkw.DeviceParam;
import dev.mkw.dsl.mkw.MkwPackage;
import dev.mkw.dsl.translate.DeviceValues;
import dev.mkw.hw.sim.DeviceType;

/**
 * A device's parameters as its type will read them, checked at load time with the values of
 * this load (a parameter's default or the value given by {@code --set param.NAME=V} or a sweep
 * point): each value is a number, a parameter or arithmetic of them, or a word; each key is one
 * the type reads (a key it ignores would be a word without effect); each key is given once; and
 * the type accepts the values, the refusal placed at the parameter it names and saying which
 * scenario parameter the value came from. Without this a bad rate would only be found when the
 * run starts, placed at the device rather than at the value.
 */
public class DeviceValidator extends AbstractDeclarativeValidator {

    @Override
    public void register(EValidatorRegistrar registrar) {
        // Composed into MkwValidator, which registers for the package.
    }

    @Check
    public void parameters(Device d) {
        Set<String> keys = new HashSet<>();
        boolean complete = true;
        for (DeviceParam p : d.getParams()) {
            if (p.getKey() == null || p.getValue() == null) return; // a syntax error, reported by the parser
            if (!keys.add(p.getKey())) error("device " + d.getName() + ": parameter " + p.getKey() + " is given twice", p, MkwPackage.Literals.DEVICE_PARAM__KEY, IssueCodes.DEVICE_PARAMETER);
            if (DeviceValues.of(p) == null) {
                complete = false;
                error("device " + d.getName() + ": the value of " + p.getKey() + " is a number, a scenario parameter (param NAME default V) or arithmetic of them,"
                        + " or a word (distribution poisson); " + what(p) + " has no value when the device is made", p, MkwPackage.Literals.DEVICE_PARAM__VALUE, IssueCodes.DEVICE_PARAMETER);
            }
        }
        if (!complete || d.getType() == null || !KnownNames.deviceTypes().contains(d.getType())) return;
        DeviceType type = KnownNames.deviceType(d.getType());
        if (type == null) return;
        Map<String, String> values = DeviceValues.of(d);
        ReadKeys read = new ReadKeys(values);
        try {
            type.create(d.getName(), d.getIrq(), read);
        } catch (IllegalArgumentException e) {
            DeviceParam at = named(d, e.getMessage());
            if (at == null) error(e.getMessage(), d, MkwPackage.Literals.DEVICE__TYPE, IssueCodes.DEVICE_PARAMETER);
            else error(e.getMessage() + from(at), at, MkwPackage.Literals.DEVICE_PARAM__VALUE, IssueCodes.DEVICE_PARAMETER);
            return;
        } catch (RuntimeException | LinkageError e) {
            return; // a plugin's bug, not the scenario's: the run names the plugin (Simulation)
        }
        for (DeviceParam p : d.getParams()) {
            if (read.keys.contains(p.getKey())) continue;
            error("device " + d.getName() + ": a " + d.getType() + " has no parameter '" + p.getKey() + "'; it reads " + String.join(", ", new TreeSet<>(read.keys))
                    , p, MkwPackage.Literals.DEVICE_PARAM__KEY, IssueCodes.DEVICE_PARAMETER);
        }
    }

    /** The device parameter a refusal names ("parameter KEY ..."), or null. */
    private static DeviceParam named(Device d, String message) {
        if (message == null) return null;
        for (DeviceParam p : d.getParams()) if (message.contains("parameter " + p.getKey() + " ")) return p;
        return null;
    }

    /** Where a value came from when a scenario parameter gave it: " (from param rate = 0)". */
    private static String from(DeviceParam p) {
        List<String> params = DeviceValues.params(p);
        if (params.isEmpty()) return "";
        StringBuilder b = new StringBuilder(" (from ");
        for (int i = 0; i < params.size(); i++) {
            String n = params.get(i);
            var param = ParamValues.declared(p).get(n);
            b.append(i == 0 ? "" : ", ").append("param ").append(n).append(" = ").append(ParamValues.value(param))
                    .append(ParamValues.isGiven(param) ? ", given from outside" : ", its default");
        }
        return b.append(')').toString();
    }

    private static String what(DeviceParam p) {
        var node = org.eclipse.xtext.nodemodel.util.NodeModelUtils.findActualNodeFor(p.getValue());
        return node == null ? "it" : "'" + org.eclipse.xtext.nodemodel.util.NodeModelUtils.getTokenText(node) + "'";
    }

    /** The parameters as a map that remembers which keys the device type asked for. */
    private static final class ReadKeys extends AbstractMap<String, String> {
        private final Map<String, String> values;
        final Set<String> keys = new HashSet<>();

        ReadKeys(Map<String, String> values) {
            this.values = new LinkedHashMap<>(values);
        }

        @Override public String get(Object key) {
            if (key instanceof String k) keys.add(k);
            return values.get(key);
        }

        @Override public boolean containsKey(Object key) {
            if (key instanceof String k) keys.add(k);
            return values.containsKey(key);
        }

        @Override public String getOrDefault(Object key, String fallback) {
            String v = get(key);
            return v != null || values.containsKey(key) ? v : fallback;
        }

        @Override public Set<Entry<String, String>> entrySet() {
            // A type that walks every entry reads every key: none is reported as unread.
            keys.addAll(values.keySet());
            return java.util.Collections.unmodifiableMap(values).entrySet();
        }
    }
}
