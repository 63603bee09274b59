package dev.mkw.dsl;

import org.eclipse.xtext.scoping.IGlobalScopeProvider;
import org.eclipse.xtext.scoping.impl.ImportUriGlobalScopeProvider;

/**
 * Guice bindings of the runtime. What it adds to the generated module: {@code import "x.mkw"}
 * brings the other file's protocols and threads into scope (import by URI, resolved
 * relative to the importing file).
 */
public class MkwRuntimeModule extends AbstractMkwRuntimeModule {

    @Override
    public Class<? extends IGlobalScopeProvider> bindIGlobalScopeProvider() {
        return ImportUriGlobalScopeProvider.class;
    }
}
