package dev.mkw.dsl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.xtext.EcoreUtil2;

import dev.mkw.dsl.mkw.Import;
import dev.mkw.dsl.mkw.Model;
import dev.mkw.dsl.mkw.Param;
import dev.mkw.dsl.mkw.VarRef;
import dev.mkw.dsl.translate.Numbers;

/**
 * The values of a scenario's parameters ({@code param NAME default V}): the declared default,
 * unless the load was given another value ({@code --set param.NAME=V}, a sweep's point). The
 * given values travel with the resource set's load options, so the validator (constant checks,
 * limits) and the translator see the same number: the one the run uses.
 *
 * <p>A parameter is in scope in the file that declares it and in files importing that file,
 * as the translator merges imported elements. Variables cannot take a parameter's name
 * (ParamValidator), so a bare name that is a parameter always means the parameter.
 */
public final class ParamValues {
    private ParamValues() {}

    /** The resource set load option holding the given values: name → value. */
    public static final String LOAD_OPTION = "dev.mkw.dsl.paramValues";

    /** The parameters visible in {@code o}'s file: its own and those of files it imports, by name (first declaration wins). */
    public static Map<String, Param> declared(EObject o) {
        Model m = EcoreUtil2.getContainerOfType(o, Model.class);
        Map<String, Param> found = new LinkedHashMap<>();
        if (m == null) return found;
        collect(m, found, new ArrayList<>());
        return found;
    }

    private static void collect(Model m, Map<String, Param> found, List<Model> seen) {
        if (seen.contains(m)) return;
        seen.add(m);
        for (var e : m.getElements()) if (e instanceof Param p && p.getName() != null) found.putIfAbsent(p.getName(), p);
        Resource own = m.eResource();
        if (own == null || own.getResourceSet() == null) return;
        for (Import i : m.getImports()) {
            if (i.getImportURI() == null || !i.getImportURI().endsWith(".mkw")) continue;
            URI uri = URI.createURI(i.getImportURI());
            if (own.getURI() != null && uri.isRelative()) uri = uri.resolve(own.getURI());
            Resource r;
            try {
                r = own.getResourceSet().getResource(uri, false);
            } catch (RuntimeException e) {
                continue; // ImportValidator reports it
            }
            if (r != null && !r.getContents().isEmpty() && r.getContents().get(0) instanceof Model im) collect(im, found, seen);
        }
    }

    /** The parameter a bare name {@code v} refers to, or null (a variable, a message field's owner). */
    public static Param of(VarRef v) {
        if (v.getField() != null || v.getVar() == null) return null;
        return declared(v).get(v.getVar());
    }

    /** The value {@code p} has in this load: the given one, else its default. */
    public static long value(Param p) {
        Map<String, Long> given = given(p.eResource() == null ? null : p.eResource().getResourceSet());
        Long v = given.get(p.getName());
        return v != null ? v : Numbers.size(p.getValue());
    }

    /** Whether the value of {@code p} in this load was given from outside (not its default). */
    public static boolean isGiven(Param p) {
        return given(p.eResource() == null ? null : p.eResource().getResourceSet()).containsKey(p.getName());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Long> given(ResourceSet rs) {
        if (rs == null) return Map.of();
        Object o = rs.getLoadOptions().get(LOAD_OPTION);
        return o instanceof Map<?, ?> m ? (Map<String, Long>) m : Map.of();
    }

    /**
     * A parameter's value as the command line gives it: decimal or 0x hex, underscores allowed,
     * with an optional K, M or G (also KiB, MiB, GiB): powers of 1024, as sizes in a scenario.
     *
     * @throws IllegalArgumentException saying what is wrong
     */
    public static long parse(String text) {
        String t = text.trim().replace("_", "");
        String upper = t.toUpperCase(Locale.ROOT);
        if (upper.endsWith("IB")) t = t.substring(0, t.length() - 2);
        int shift = 0;
        if (!t.isEmpty()) {
            char last = Character.toUpperCase(t.charAt(t.length() - 1));
            shift = last == 'K' ? 10 : last == 'M' ? 20 : last == 'G' ? 30 : 0;
            if (shift > 0) t = t.substring(0, t.length() - 1);
        }
        long n;
        try {
            n = t.startsWith("0x") || t.startsWith("0X") ? Long.parseLong(t.substring(2), 16) : Long.parseLong(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expects a number (like 8, 0x100, 4K, 1M), got '" + text + "'");
        }
        if (n < 0) throw new IllegalArgumentException("must not be negative, got '" + text + "'");
        if (n > (Long.MAX_VALUE >> shift)) throw new IllegalArgumentException(text + " does not fit in 64 bits");
        return n << shift;
    }
}
