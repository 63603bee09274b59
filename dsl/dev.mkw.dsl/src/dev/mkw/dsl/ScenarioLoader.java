package dev.mkw.dsl;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.emf.ecore.EPackage;
import org.eclipse.emf.ecore.EValidator;
import org.eclipse.xtext.resource.IResourceFactory;
import org.eclipse.xtext.resource.IResourceServiceProvider;
import org.eclipse.xtext.validation.EValidatorRegistrar;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;
import org.eclipse.xtext.validation.Issue;

import com.google.inject.Injector;

import dev.mkw.dsl.mkw.MkwPackage;
import dev.mkw.dsl.mkw.Model;
import dev.mkw.dsl.validation.MkwValidator;
import dev.mkw.dsl.translate.ScenarioTranslator;
import dev.mkw.scenario.MachineSpec;

/**
 * Loads a scenario file headless: parse, link (with imports), validate, translate. Works
 * from plain jars and inside OSGi; the CLI, the workbench and the tests all use it. It never
 * throws for bad input: everything wrong is a {@link Diagnostic} with file:line:column.
 */
public final class ScenarioLoader {
    private static Injector shared;
    private final Injector injector;

    private String defaultPreset = MachineSpec.DEFAULT_PRESET;
    /** Parameter values given from outside ({@code --set param.NAME=V}), as typed. */
    private Map<String, String> params = Map.of();

    public ScenarioLoader(Injector injector) {
        this.injector = injector;
    }

    /** A loader with the language's standalone injector (created once per JVM). */
    public static synchronized ScenarioLoader standalone() {
        if (shared == null) shared = new MkwStandaloneSetup().createInjectorAndDoEMFRegistration();
        return new ScenarioLoader(shared);
    }

    /**
     * The same loader, but a scenario that names no machine runs on {@code preset} (the
     * workbench's default-machine preference) instead of {@value MachineSpec#DEFAULT_PRESET}.
     */
    public ScenarioLoader withDefaultPreset(String preset) {
        ScenarioLoader l = new ScenarioLoader(injector);
        l.defaultPreset = preset == null || preset.isBlank() ? MachineSpec.DEFAULT_PRESET : preset;
        l.params = params;
        return l;
    }

    /**
     * The same loader, giving the scenario's parameters these values (name → value as typed:
     * {@code 8}, {@code 4K}); the others keep their defaults. A name the scenario does not
     * declare, or a value that is not a number, is an error of the load naming the file (and
     * the declaration).
     */
    public ScenarioLoader withParams(Map<String, String> values) {
        ScenarioLoader l = new ScenarioLoader(injector);
        l.defaultPreset = defaultPreset;
        l.params = Map.copyOf(values);
        return l;
    }

    public LoadResult load(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            return new LoadResult(null, List.of(new Diagnostic(file.toString(), 1, 1, Diagnostic.Severity.ERROR, "cannot read the file: " + e, "io")));
        }
        TextFile.Decoded text = TextFile.decode(bytes);
        if (text.problem() != null) {
            return new LoadResult(null, List.of(new Diagnostic(file.toString(), text.line(), text.column(), Diagnostic.Severity.ERROR,
                    file.getFileName() + " is not a text scenario: " + text.problem(), "not-text")));
        }
        return load(text.text(), file.toAbsolutePath().normalize().toString());
    }

    /** Load {@code text} as if it were the file {@code fileName} (imports resolve relative to it). */
    public LoadResult load(String text, String fileName) {
        ensureRegistered();
        XtextResourceSet rs = injector.getInstance(XtextResourceSet.class);
        // The resource set's own factory, not EMF's global registry: tests (and other tools in one
        // OSGi runtime) reset or change the global registry, and .mkw must still load as Xtext.
        rs.getResourceFactoryRegistry().getExtensionToFactoryMap().put("mkw", injector.getInstance(IResourceFactory.class));
        XtextResource resource = (XtextResource) rs.createResource(URI.createFileURI(fileName));
        List<Diagnostic> paramProblems = new ArrayList<>();
        Map<String, Long> given = new java.util.TreeMap<>();
        for (Map.Entry<String, String> e : params.entrySet()) {
            try {
                given.put(e.getKey(), ParamValues.parse(e.getValue()));
            } catch (IllegalArgumentException x) {
                paramProblems.add(new Diagnostic(fileName, 1, 1, Diagnostic.Severity.ERROR, "param." + e.getKey() + " " + x.getMessage(), "param"));
            }
        }
        rs.getLoadOptions().put(ParamValues.LOAD_OPTION, Map.copyOf(given));
        try {
            resource.load(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), Map.of());
        } catch (IOException e) {
            return new LoadResult(null, List.of(new Diagnostic(fileName, 0, 0, Diagnostic.Severity.ERROR, e.getMessage(), "io")));
        }
        EcoreUtil.resolveAll(rs);
        if (!resource.getContents().isEmpty()) paramProblems.addAll(unknownParams(resource.getContents().get(0), fileName, given.keySet()));
        IResourceValidator validator = injector.getInstance(IResourceValidator.class);
        List<Diagnostic> diagnostics = new ArrayList<>(paramProblems);
        // The main file first: validating its imports loads them, and each is then validated in turn.
        List<Resource> order = new ArrayList<>(List.of(resource));
        for (Resource r : rs.getResources()) if (!order.contains(r)) order.add(r);
        for (int k = 0; k < order.size(); k++) {
            Resource r = order.get(k);
            if (!(r instanceof XtextResource xr)) continue;
            String file = r == resource ? fileName : r.getURI().toFileString();
            // An import that brought no scenario is an error at its import statement (ImportValidator).
            if (r != resource && r.getContents().isEmpty()) continue;
            for (Issue i : validator.validate(xr, CheckMode.ALL, CancelIndicator.NullImpl)) diagnostics.add(of(file, i));
            for (Resource more : new ArrayList<>(rs.getResources())) if (!order.contains(more)) order.add(more);
        }
        diagnostics.sort(Comparator.comparing(Diagnostic::file).thenComparingInt(Diagnostic::line).thenComparingInt(Diagnostic::column));
        if (resource.getContents().isEmpty() || diagnostics.stream().anyMatch(d -> d.severity() == Diagnostic.Severity.ERROR)) {
            return new LoadResult(null, diagnostics);
        }
        Model model = (Model) resource.getContents().get(0);
        List<Model> imported = new ArrayList<>();
        for (Resource r : rs.getResources()) {
            if (r != resource && !r.getContents().isEmpty() && r.getContents().get(0) instanceof Model m) imported.add(m);
        }
        try {
            return new LoadResult(new ScenarioTranslator(fileName, defaultPreset).translate(model, imported), diagnostics);
        } catch (RuntimeException e) {
            diagnostics.add(new Diagnostic(fileName, 1, 1, Diagnostic.Severity.ERROR, "cannot translate the scenario: " + e.getMessage(), "translate"));
            return new LoadResult(null, diagnostics);
        }
    }

    /** Each given parameter the scenario does not declare, as an error naming the declared ones. */
    private static List<Diagnostic> unknownParams(org.eclipse.emf.ecore.EObject model, String fileName, java.util.Set<String> given) {
        Map<String, dev.mkw.dsl.mkw.Param> declared = ParamValues.declared(model);
        List<Diagnostic> found = new ArrayList<>();
        for (String name : given) {
            if (declared.containsKey(name)) continue;
            found.add(new Diagnostic(fileName, 1, 1, Diagnostic.Severity.ERROR, "param." + name + ": the scenario declares no parameter '" + name + "' ("
                    + (declared.isEmpty() ? "it declares none; add 'param " + name + " default V'" : "it declares " + String.join(", ", declared.keySet())) + ")",
                    "param"));
        }
        return found;
    }

    /**
     * EMF's global registries can be reset or changed behind our back (test harnesses restore
     * them after each test; several languages share one OSGi runtime): put the language's
     * package, validator and resource services back before each load.
     */
    private void ensureRegistered() {
        if (!EPackage.Registry.INSTANCE.containsKey(MkwPackage.eNS_URI)) EPackage.Registry.INSTANCE.put(MkwPackage.eNS_URI, MkwPackage.eINSTANCE);
        if (EValidator.Registry.INSTANCE.getEValidator(MkwPackage.eINSTANCE) == null) {
            injector.getInstance(MkwValidator.class).register(injector.getInstance(EValidatorRegistrar.class));
        }
        var services = IResourceServiceProvider.Registry.INSTANCE.getExtensionToFactoryMap();
        if (!services.containsKey("mkw")) services.put("mkw", injector.getInstance(IResourceServiceProvider.class));
    }

    private static Diagnostic of(String file, Issue i) {
        Diagnostic.Severity s = switch (i.getSeverity()) {
            case ERROR -> Diagnostic.Severity.ERROR;
            case WARNING -> Diagnostic.Severity.WARNING;
            default -> Diagnostic.Severity.INFO;
        };
        int line = i.getLineNumber() == null ? 0 : i.getLineNumber();
        int column = i.getColumn() == null ? 0 : i.getColumn();
        return new Diagnostic(file, line, column, s, i.getMessage(), i.getCode() == null ? "" : i.getCode());
    }
}
