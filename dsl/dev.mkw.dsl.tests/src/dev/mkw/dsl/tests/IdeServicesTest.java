package dev.mkw.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.documentation.IEObjectDocumentationProvider;
import org.eclipse.xtext.ide.editor.contentassist.ContentAssistEntry;
import org.eclipse.xtext.ide.editor.contentassist.IdeContentProposalAcceptor;
import org.eclipse.xtext.ide.editor.contentassist.IdeContentProposalProvider;
import org.eclipse.xtext.ide.editor.contentassist.antlr.ContentAssistContextFactory;
import org.eclipse.xtext.ide.editor.syntaxcoloring.ISemanticHighlightingCalculator;
import org.eclipse.xtext.ide.server.symbol.DocumentSymbolMapper;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.util.TextRegion;
import org.junit.jupiter.api.Test;

import com.google.inject.Injector;

import dev.mkw.dsl.ide.MkwIdeSetup;
import dev.mkw.dsl.ide.highlighting.MkwHighlighting;
import dev.mkw.dsl.mkw.Machine;
import dev.mkw.dsl.mkw.Model;
import dev.mkw.dsl.mkw.Task;

/** The generic IDE services an editor or the language server uses: proposals, highlighting, outline names, hover. */
class IdeServicesTest {
    static final Injector IDE = ideInjector();

    private static Injector ideInjector() {
        // Other tests' registry resets may have removed the grammar's binary format (Xtext registers it once per JVM).
        org.eclipse.emf.ecore.resource.Resource.Factory.Registry.INSTANCE.getExtensionToFactoryMap()
                .put("xtextbin", new org.eclipse.xtext.resource.impl.BinaryGrammarResourceFactoryImpl());
        return new MkwIdeSetup().createInjectorAndDoEMFRegistration();
    }

    static XtextResource parse(String text) throws Exception {
        XtextResourceSet rs = IDE.getInstance(XtextResourceSet.class);
        rs.getResourceFactoryRegistry().getExtensionToFactoryMap().put("mkw", IDE.getInstance(org.eclipse.xtext.resource.IResourceFactory.class));
        XtextResource r = (XtextResource) rs.createResource(URI.createURI("mem:/ide.mkw"));
        r.load(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), Map.of());
        return r;
    }

    static List<String> proposals(String text) throws Exception {
        XtextResource r = parse(text);
        ContentAssistContextFactory factory = IDE.getInstance(ContentAssistContextFactory.class);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            factory.setPool(pool);
            var contexts = factory.create(text, new TextRegion(0, 0), text.length(), r);
            IdeContentProposalAcceptor acceptor = IDE.getInstance(IdeContentProposalAcceptor.class);
            IDE.getInstance(IdeContentProposalProvider.class).createProposals(Arrays.asList(contexts), acceptor);
            List<String> out = new ArrayList<>();
            for (ContentAssistEntry e : acceptor.getEntries()) out.add(e.getProposal());
            return out;
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void presetsAndPoliciesAreProposed() throws Exception {
        assertTrue(proposals("scenario T\nmachine preset ").containsAll(List.of("i486_50", "pentium_100")));
        assertTrue(proposals("scenario T\nkernel { scheduler ").contains("priority-rr"));
        assertTrue(proposals("scenario T\nkernel { ").containsAll(List.of("scheduling", "tcb-lookup", "fpu")));
    }

    @Test
    void threadReferencesAndVariablesAreHighlighted() throws Exception {
        String text = "scenario T\ntask s { thread t { wait any as m reply m } }\ntask c { thread u { call s.t } }\n";
        XtextResource r = parse(text);
        List<String> seen = new ArrayList<>();
        IDE.getInstance(ISemanticHighlightingCalculator.class).provideHighlightingFor(r,
                (offset, length, styles) -> seen.add(text.substring(offset, offset + length) + "=" + String.join(",", styles)), CancelIndicator.NullImpl);
        // A qualified reference is coloured token by token.
        assertTrue(seen.containsAll(List.of("s=" + MkwHighlighting.THREAD_REF, "t=" + MkwHighlighting.THREAD_REF)), seen::toString);
        assertTrue(seen.contains("m=" + MkwHighlighting.VARIABLE), seen::toString);
    }

    @Test
    void outlineNamesUnnamedSectionsAndHoverShowsFacts() throws Exception {
        XtextResource r = parse("scenario T\nmachine preset i486_50\n/** The server. */\ntask s pager root { thread t priority 7 { exit } }\n");
        Model m = (Model) r.getContents().get(0);
        DocumentSymbolMapper.DocumentSymbolNameProvider names = IDE.getInstance(DocumentSymbolMapper.DocumentSymbolNameProvider.class);
        EObject machine = m.getElements().get(0);
        assertEquals("machine i486_50", names.getName(machine));
        Task task = (Task) m.getElements().get(1);
        IEObjectDocumentationProvider docs = IDE.getInstance(IEObjectDocumentationProvider.class);
        assertEquals("task s (one address space), paged by the root pager (sigma0)\n\nThe server.", docs.getDocumentation(task));
        assertEquals("thread s.t: priority 7, cpu 0, pager: root (sigma0)", docs.getDocumentation(task.getMembers().get(0)));
        assertTrue(docs.getDocumentation((Machine) machine) != null);
    }
}
