package dev.mkw.hw.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.ecore.EAttribute;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.ecore.util.EcoreUtil;

/**
 * Overrides of any field of a machine model, by path: {@code cpus}, {@code clockMhz},
 * {@code memory.latency}, {@code mmu.tlbEntries}, {@code caches.L1.sizeBytes} (a list
 * element is chosen by its name). Applied to a copy of the preset before it is read, so
 * the override goes through the same validation as the preset itself.
 */
public final class MachineOverrides {
    private MachineOverrides() {}

    /** A copy of {@code machine} with the overrides applied; throws IllegalArgumentException naming the bad path or value. */
    public static EObject apply(EObject machine, Map<String, String> overrides) {
        EObject copy = EcoreUtil.copy(machine);
        for (Map.Entry<String, String> e : overrides.entrySet()) set(copy, e.getKey(), e.getValue());
        return copy;
    }

    /** Null if {@code path} names a field of the machine, else the message saying what does. */
    public static String check(EObject machine, String path) {
        try {
            resolve(machine, path);
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    private static void set(EObject machine, String path, String value) {
        Target t = resolve(machine, path);
        Class<?> type = t.attribute.getEAttributeType().getInstanceClass();
        try {
            Object v;
            if (type == int.class || type == Integer.class) v = Integer.decode(value);
            else if (type == long.class || type == Long.class) v = Long.decode(value);
            else if (type == double.class || type == Double.class) v = Double.parseDouble(value);
            else if (type == boolean.class || type == Boolean.class) v = Boolean.parseBoolean(value);
            else v = value;
            t.owner.eSet(t.attribute, v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("machine field " + path + " takes a " + type.getSimpleName() + ", not '" + value + "'");
        }
    }

    private record Target(EObject owner, EAttribute attribute) {}

    private static Target resolve(EObject machine, String path) {
        String[] parts = path.split("\\.");
        EObject o = machine;
        for (int i = 0; i < parts.length; i++) {
            EStructuralFeature f = o.eClass().getEStructuralFeature(parts[i]);
            if (f == null) throw new IllegalArgumentException("the machine has no field '" + path + "' (" + o.eClass().getName() + " has " + names(o) + ")");
            if (f instanceof EAttribute a) {
                if (i != parts.length - 1) throw new IllegalArgumentException("'" + parts[i] + "' in '" + path + "' is a value, not a part");
                return new Target(o, a);
            }
            EReference r = (EReference) f;
            if (!r.isMany()) {
                o = (EObject) o.eGet(r);
                if (o == null) throw new IllegalArgumentException("the machine has no " + parts[i]);
                continue;
            }
            if (i + 1 >= parts.length) throw new IllegalArgumentException("'" + path + "' needs an element name, e.g. " + path + ".L1.sizeBytes");
            String name = parts[++i];
            EObject found = null;
            @SuppressWarnings("unchecked")
            List<EObject> list = (List<EObject>) o.eGet(r);
            for (EObject e : list) {
                EStructuralFeature n = e.eClass().getEStructuralFeature("name");
                if (n == null) n = e.eClass().getEStructuralFeature("kind");
                if (n != null && name.equals(e.eGet(n))) found = e;
            }
            if (found == null) throw new IllegalArgumentException("the machine has no " + parts[i - 1] + " element '" + name + "'");
            o = found;
        }
        throw new IllegalArgumentException("'" + path + "' names a part of the machine, not a value");
    }

    private static String names(EObject o) {
        List<String> l = new ArrayList<>();
        for (EStructuralFeature f : o.eClass().getEAllStructuralFeatures()) l.add(f.getName());
        return String.join(", ", l);
    }
}
