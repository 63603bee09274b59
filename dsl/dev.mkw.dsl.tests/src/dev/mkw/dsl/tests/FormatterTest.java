package dev.mkw.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.emf.ecore.EAttribute;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.formatting2.FormatterRequest;
import org.eclipse.xtext.formatting2.IFormatter2;
import org.eclipse.xtext.formatting2.regionaccess.ITextRegionAccess;
import org.eclipse.xtext.formatting2.regionaccess.TextRegionAccessBuilder;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.eclipse.xtext.testing.util.ParseHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.google.inject.Inject;
import com.google.inject.Provider;

import dev.mkw.dsl.mkw.Model;

/** Formatting keeps the model (parse, format, parse gives an equal AST) and is idempotent. */
@ExtendWith(InjectionExtension.class)
@InjectWith(MkwInjectorProvider.class)
class FormatterTest {
    @Inject ParseHelper<Model> parser;
    @Inject Provider<IFormatter2> formatter;
    @Inject Provider<TextRegionAccessBuilder> regions;

    private String format(Model m) {
        ITextRegionAccess access = regions.get().forNodeModel((XtextResource) m.eResource()).create();
        FormatterRequest request = new FormatterRequest();
        request.setTextRegionAccess(access);
        return access.getRewriter().renderToString(formatter.get().format(request));
    }

    /** The model as text: every object's class and attributes, and where its references point. */
    static String dump(EObject root) {
        StringBuilder b = new StringBuilder();
        for (EObject o : (Iterable<EObject>) () -> EcoreUtil.getAllContents(root, true)) {
            b.append(o.eClass().getName());
            for (EAttribute a : o.eClass().getEAllAttributes()) b.append(' ').append(a.getName()).append('=').append(o.eGet(a));
            for (EReference r : o.eClass().getEAllReferences()) {
                if (!r.isContainment() && !r.isMany() && o.eGet(r) instanceof EObject t) b.append(' ').append(r.getName()).append("->").append(EcoreUtil.getURI(t).fragment());
            }
            b.append('\n');
        }
        return b.toString();
    }

    private void roundTrip(String text) throws Exception {
        Model m = parser.parse(text);
        assertTrue(m.eResource().getErrors().isEmpty());
        String once = format(m);
        Model again = parser.parse(once);
        assertTrue(again.eResource().getErrors().isEmpty(), once);
        assertEquals(dump(m), dump(again), once);
        assertEquals(once, format(again), "formatting is idempotent");
    }

    @Test
    void layoutOfASqueezedScenario() throws Exception {
        String formatted = format(parser.parse("scenario S   machine preset i486_50 { cpus 1 } task a pager root { thread t priority 1 { repeat 3 { compute 1 cycles   send a.t words ( 1 , 2 ) } } } run until all-done"));
        assertEquals("""
                scenario S

                machine preset i486_50 {
                    cpus 1
                }

                task a pager root {
                    thread t priority 1 {
                        repeat 3 {
                            compute 1 cycles
                            send a.t words (1, 2)
                        }
                    }
                }

                run until all-done""".replace("    ", "\t"), formatted.strip());
    }

    @Test
    void aThreadCountStaysWithItsName() throws Exception {
        String formatted = format(parser.parse("scenario S param n default 2 task a { thread w [ n ]  as i priority 1 { compute i cycles } }"));
        assertTrue(formatted.contains("thread w[n] as i priority 1 {"), formatted);
    }

    @Test
    void everyConstructAndEveryExampleRoundTrips() throws Exception {
        roundTrip(ParserTest.ALL);
        for (Path f : Scenarios.exampleFiles()) {
            if (Files.readString(f).contains("import ")) continue; // imports do not resolve under ParseHelper's synthetic names
            roundTrip(Files.readString(f));
        }
    }
}
