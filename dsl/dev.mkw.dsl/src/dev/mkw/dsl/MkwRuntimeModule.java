package dev.mkw.dsl;

import org.eclipse.xtext.documentation.IEObjectDocumentationProvider;
import org.eclipse.xtext.formatting2.IFormatter2;
import org.eclipse.xtext.parser.IParser;
import org.eclipse.xtext.scoping.IGlobalScopeProvider;
import org.eclipse.xtext.scoping.impl.ImportUriGlobalScopeProvider;

import dev.mkw.dsl.documentation.MkwDocumentation;
import dev.mkw.dsl.formatting.MkwFormatter;
import dev.mkw.dsl.parser.MkwLimitedParser;

/**
 * Guice bindings of the runtime. What it adds to the generated module: {@code import "x.mkw"}
 * brings the other file's protocols and threads into scope (import by URI, resolved
 * relative to the importing file); the formatter; hover documentation; a parser with nesting limits.
 */
public class MkwRuntimeModule extends AbstractMkwRuntimeModule {

    @Override
    public Class<? extends IGlobalScopeProvider> bindIGlobalScopeProvider() {
        return ImportUriGlobalScopeProvider.class;
    }

    /** The generated parser with limits on nesting, so no input can overflow the stack (see {@link MkwLimitedParser}). */
    @Override
    public Class<? extends IParser> bindIParser() {
        return MkwLimitedParser.class;
    }

    public Class<? extends IFormatter2> bindIFormatter2() {
        return MkwFormatter.class;
    }

    public Class<? extends IEObjectDocumentationProvider> bindIEObjectDocumentationProvider() {
        return MkwDocumentation.class;
    }
}
