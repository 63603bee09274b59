package dev.mkw.dsl.ui;

import org.eclipse.xtext.ide.LexerIdeBindings;
import org.eclipse.xtext.parser.antlr.AntlrTokenDefProvider;
import org.eclipse.xtext.parser.antlr.ITokenDefProvider;
import org.eclipse.xtext.util.Modules2;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.name.Names;

import dev.mkw.dsl.MkwRuntimeModule;
import dev.mkw.dsl.ide.MkwIdeModule;
import dev.mkw.dsl.ide.MkwIdeSetup;

/**
 * The injector of the Eclipse editor: runtime + ide modules, plus the one binding that
 * org.eclipse.xtext.ui would otherwise supply (the token definitions the highlighting mapper
 * reads its token names from).
 */
final class EditorSetup extends MkwIdeSetup {

    @Override
    public Injector createInjector() {
        return Guice.createInjector(Modules2.mixin(new MkwRuntimeModule(), new MkwIdeModule(), new AbstractModule() {
            @Override
            protected void configure() {
                bind(ITokenDefProvider.class).annotatedWith(Names.named(LexerIdeBindings.HIGHLIGHTING)).to(AntlrTokenDefProvider.class);
            }
        }));
    }
}
