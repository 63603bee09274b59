package dev.mkw.hw.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.ecore.EAttribute;
import org.eclipse.emf.ecore.EEnum;
import org.eclipse.emf.ecore.EEnumLiteral;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.ecore.util.EcoreUtil;

/**
 * Overrides of any field of a machine model, by path: {@code cpus}, {@code clockMhz},
 * {@code memory.latency}, {@code mmu.tlbEntries}, {@code caches.L1.sizeBytes} (a list
 * element is chosen by its name). An optional part is left out with the value {@code none}
 * ({@code pipeline=none}: a scalar core, each instruction at its class's cost). Applied to a
 * copy of the preset before it is read, so the override goes through the same validation as
 * the preset itself.
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
            if (optionalPart(machine, path) != null) return null;
            resolve(machine, path);
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    private static void set(EObject machine, String path, String value) {
        Target part = optionalPart(machine, path);
        if (part != null) {
            if (!value.equals("none")) throw new IllegalArgumentException("machine part " + path + " takes none (to leave it out), not '" + value + "'");
            part.owner.eUnset(part.reference);
            return;
        }
        Target t = resolve(machine, path);
        t.owner.eSet(t.attribute, value(path, t.attribute, value));
    }

    /**
     * {@code value} as the field's type wants it: whole numbers for int and long fields, numbers
     * for double fields, exactly {@code true} or {@code false} for a flag (so {@code 1} is not
     * read as false), a literal of an enumeration, any text for a text field. Anything else is
     * an IllegalArgumentException naming the field, its type and the value.
     */
    static Object value(String path, EAttribute attribute, String value) {
        Class<?> type = attribute.getEAttributeType().getInstanceClass();
        try {
            if (type == int.class || type == Integer.class) return Integer.decode(value);
            if (type == long.class || type == Long.class) return Long.decode(value);
            if (type == double.class || type == Double.class || type == float.class || type == Float.class) {
                double d = Double.parseDouble(value);
                if (Double.isNaN(d) || Double.isInfinite(d)) throw new NumberFormatException(value);
                return type == float.class || type == Float.class ? (Object) (float) d : (Object) d;
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("machine field " + path + " takes " + (type == double.class || type == Double.class
                    || type == float.class || type == Float.class ? "a number" : "a whole number (" + type.getSimpleName() + ")") + ", not '" + value + "'");
        }
        if (type == boolean.class || type == Boolean.class) {
            if (value.equals("true")) return Boolean.TRUE;
            if (value.equals("false")) return Boolean.FALSE;
            throw new IllegalArgumentException("machine field " + path + " takes true or false, not '" + value + "'");
        }
        if (attribute.getEAttributeType() instanceof EEnum en) {
            EEnumLiteral lit = en.getEEnumLiteralByLiteral(value);
            if (lit == null) lit = en.getEEnumLiteral(value);
            if (lit == null) {
                List<String> names = new ArrayList<>();
                for (EEnumLiteral l : en.getELiterals()) names.add(l.getLiteral());
                throw new IllegalArgumentException("machine field " + path + " takes one of " + String.join(", ", names) + ", not '" + value + "'");
            }
            return lit.getInstance();
        }
        if (type == String.class) return value;
        throw new IllegalArgumentException("machine field " + path + " is of type " + attribute.getEAttributeType().getName() + ", which cannot be overridden");
    }

    private record Target(EObject owner, EAttribute attribute, EReference reference) {
        Target(EObject owner, EAttribute attribute) {
            this(owner, attribute, null);
        }
    }

    /** The optional single part {@code path} names ({@code pipeline}, {@code timer}), which {@code none} leaves out; else null. */
    private static Target optionalPart(EObject machine, String path) {
        if (path.contains(".")) return null;
        EStructuralFeature f = machine.eClass().getEStructuralFeature(path);
        return f instanceof EReference r && r.isContainment() && !r.isMany() && r.getLowerBound() == 0 ? new Target(machine, null, r) : null;
    }

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
