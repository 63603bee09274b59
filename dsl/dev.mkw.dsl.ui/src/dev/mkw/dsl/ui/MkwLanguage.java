package dev.mkw.dsl.ui;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.resource.IResourceFactory;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;

import com.google.inject.Injector;

/**
 * The language services for the editor: one injector per workbench (created on first use,
 * so opening the workbench does not pay for Xtext), and parsing of editor text.
 */
public final class MkwLanguage {
    private MkwLanguage() {}

    /** Initialization-on-demand: the JVM makes the first use thread-safe. */
    private static final class Holder {
        static final Injector INJECTOR = new EditorSetup().createInjectorAndDoEMFRegistration();
    }

    public static Injector injector() {
        return Holder.INJECTOR;
    }

    public static <T> T get(Class<T> type) {
        return injector().getInstance(type);
    }

    /**
     * Parses {@code text} into a fresh resource in a resource set of its own: each request
     * (reconcile, content assist, hover) gets its own, so threads share no EMF state. The URI
     * lets {@code import "x.mkw"} resolve relative to the file.
     */
    public static XtextResource parse(String text, URI uri) {
        return parseInto(newResourceSet(), text, uri);
    }

    /** A fresh resource set of the language. */
    public static XtextResourceSet newResourceSet() {
        return get(XtextResourceSet.class);
    }

    /** Parses {@code text} as the file {@code uri} into {@code set} (so several files of one search link to each other). */
    public static XtextResource parseInto(XtextResourceSet set, String text, URI uri) {
        XtextResource resource = (XtextResource) get(IResourceFactory.class).createResource(uri);
        set.getResources().add(resource);
        try {
            resource.load(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), Map.of(XtextResource.OPTION_ENCODING, "UTF-8"));
        } catch (IOException e) {
            // Loading from memory cannot fail for I/O reasons; parse errors end up in getErrors().
            throw new UncheckedIOException(e);
        }
        return resource;
    }
}
