package dev.mkw.dsl.ide.server;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.Future;

import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.xtext.ide.server.LanguageServerImpl;
import org.eclipse.xtext.ide.server.ServerModule;
import org.eclipse.xtext.resource.IResourceServiceProvider;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.util.Modules;

import dev.mkw.dsl.ide.MkwIdeSetup;

/**
 * The MKW language server over any pair of streams (stdio for {@code mkw lsp}). Languages
 * are taken from the global registry that {@link MkwIdeSetup} fills, not from ServiceLoader,
 * so the same code works from plain jars and inside OSGi.
 */
public final class MkwLanguageServer {
    private MkwLanguageServer() {}

    /** Starts serving; the returned future completes when the client closes the connection. */
    public static Future<Void> start(InputStream in, OutputStream out) {
        new MkwIdeSetup().createInjectorAndDoEMFRegistration();
        Injector injector = Guice.createInjector(Modules.override(new ServerModule())
                .with(b -> b.bind(IResourceServiceProvider.Registry.class).toInstance(IResourceServiceProvider.Registry.INSTANCE)));
        LanguageServerImpl server = injector.getInstance(LanguageServerImpl.class);
        Launcher<LanguageClient> launcher = LSPLauncher.createServerLauncher(server, in, out);
        server.connect(launcher.getRemoteProxy());
        return launcher.startListening();
    }

    public static void main(String[] args) throws Exception {
        start(System.in, System.out).get();
    }
}
