package dev.mkw.dsl.validation;

import java.io.File;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.validation.AbstractDeclarativeValidator;
import org.eclipse.xtext.validation.Check;
import org.eclipse.xtext.validation.EValidatorRegistrar;

import dev.mkw.dsl.mkw.Import;
import dev.mkw.dsl.mkw.MkwPackage;
import dev.mkw.dsl.mkw.Model;

/**
 * {@code import "lib.mkw"} names a scenario file that exists beside the importing one (or at
 * the path given) and holds a scenario. Without this check a missing or foreign file was
 * silently left out, and the names it should have brought were reported as unknown elsewhere
 * or not at all. Part of {@link MkwValidator} through {@code @ComposedChecks}.
 */
public class ImportValidator extends AbstractDeclarativeValidator {

    @Override
    public void register(EValidatorRegistrar registrar) {
        // Composed into MkwValidator, which registers for the package.
    }

    @Check
    public void importedFileIsAScenario(Import i) {
        String name = i.getImportURI();
        if (name == null) return;
        Resource own = i.eResource();
        if (name.isBlank()) {
            error("an import names a scenario file, e.g. import \"lib.mkw\"", MkwPackage.Literals.IMPORT__IMPORT_URI, IssueCodes.IMPORT);
            return;
        }
        URI uri = URI.createURI(name);
        if (own != null && own.getURI() != null && uri.isRelative()) uri = uri.resolve(own.getURI());
        if (!name.endsWith(".mkw")) {
            error("cannot import \"" + name + "\": it is not a scenario file (an import names a .mkw file)",
                    MkwPackage.Literals.IMPORT__IMPORT_URI, IssueCodes.IMPORT);
            return;
        }
        // Where the file really is: the resource set's URI map may place it elsewhere (a Spark
        // executor loads the driver's files under their names from copies of its own).
        URI located = own != null && own.getResourceSet() != null ? own.getResourceSet().getURIConverter().normalize(uri) : uri;
        if (located.isFile()) {
            File f = new File(located.toFileString());
            if (!f.isFile()) {
                error("cannot import \"" + name + "\": there is no such file (looked at " + new File(uri.toFileString()).getPath() + ")",
                        MkwPackage.Literals.IMPORT__IMPORT_URI, IssueCodes.IMPORT);
                return;
            }
        }
        if (own == null || own.getResourceSet() == null) return;
        Resource imported;
        try {
            imported = own.getResourceSet().getResource(uri, true);
        } catch (RuntimeException e) {
            error("cannot import \"" + name + "\": " + rootMessage(e), MkwPackage.Literals.IMPORT__IMPORT_URI, IssueCodes.IMPORT);
            return;
        }
        if (imported == null || imported.getContents().isEmpty() || !(imported.getContents().get(0) instanceof Model)) {
            String why = imported != null && !imported.getErrors().isEmpty() ? ": " + imported.getErrors().get(0).getMessage() : "";
            error("cannot import \"" + name + "\": it holds no scenario" + why, MkwPackage.Literals.IMPORT__IMPORT_URI, IssueCodes.IMPORT);
        } else if (imported == own) {
            error("a scenario cannot import itself", MkwPackage.Literals.IMPORT__IMPORT_URI, IssueCodes.IMPORT);
        }
    }

    private static String rootMessage(Throwable e) {
        while (e.getCause() != null && e.getCause() != e) e = e.getCause();
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
