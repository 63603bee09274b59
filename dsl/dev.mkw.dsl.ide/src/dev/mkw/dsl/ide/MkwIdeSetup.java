package dev.mkw.dsl.ide;

import com.google.inject.Guice;
import com.google.inject.Injector;

import dev.mkw.dsl.MkwRuntimeModule;
import dev.mkw.dsl.MkwStandaloneSetup;

import org.eclipse.xtext.util.Modules2;

/** Creates the injector with the runtime and generic IDE modules (the LSP server and editors use it). */
public class MkwIdeSetup extends MkwStandaloneSetup {

    @Override
    public Injector createInjector() {
        return Guice.createInjector(Modules2.mixin(new MkwRuntimeModule(), new MkwIdeModule()));
    }
}
