package dev.mkw.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.mkw.dsl.Diagnostic;
import dev.mkw.dsl.LoadResult;
import dev.mkw.dsl.ScenarioLoader;
import dev.mkw.scenario.Expr;
import dev.mkw.scenario.MessageSpec;
import dev.mkw.scenario.Op;
import dev.mkw.scenario.Scenario;

/**
 * Scenario parameters ({@code param NAME default V}): the value is written where numbers go,
 * the loader gives another one from outside, validation checks the value actually run, and
 * mistakes are errors at their position.
 */
class ParamTest {
    private static final String TEXT = """
            scenario P
            param rounds default 3
            param bytes default 1K
            task server pager root {
                region 0x40000 size 64K rw
                thread sink {
                    repeat rounds { wait any buffer 0x40000 length bytes as m  reply m }
                }
            }
            task client pager root {
                region 0x10000 size 64K rw
                thread writer {
                    repeat rounds { call server.sink words (bytes) string 0x10000 length bytes as ok  compute rounds * 10 cycles }
                }
            }
            """;

    private static LoadResult load(String text, Map<String, String> params) {
        return ScenarioLoader.standalone().withParams(params).load(text, "/tmp/param-test.mkw");
    }

    private static Op.Call call(Scenario s) {
        Op.Repeat loop = (Op.Repeat) s.thread("client.writer").body().get(0);
        return (Op.Call) loop.body().get(0);
    }

    @Test
    void aParameterIsItsDefaultUnlessAValueIsGiven() {
        Scenario s = load(TEXT, Map.of()).scenario();
        Op.Repeat loop = (Op.Repeat) s.thread("client.writer").body().get(0);
        assertEquals(new Expr.Const(3), loop.count());
        MessageSpec.StringItem item = (MessageSpec.StringItem) call(s).msg().items().get(0);
        assertEquals(new Expr.Const(1024), item.length(), "1K is 1024, as sizes are");
        assertEquals(new Expr.Const(1024), call(s).msg().words().get(0));

        Scenario given = load(TEXT, Map.of("bytes", "16K", "rounds", "7")).scenario();
        assertEquals(new Expr.Const(7), ((Op.Repeat) given.thread("client.writer").body().get(0)).count());
        assertEquals(new Expr.Const(16384), ((MessageSpec.StringItem) call(given).msg().items().get(0)).length());
        Op.Compute c = (Op.Compute) ((Op.Repeat) given.thread("client.writer").body().get(0)).body().get(1);
        assertInstanceOf(Expr.Binary.class, c.cycles());
        assertEquals(new Expr.Const(7), ((Expr.Binary) c.cycles()).left());
    }

    @Test
    void undeclaredParametersAndBadValuesAreRefusedNamingTheFile() {
        LoadResult r = load(TEXT, Map.of("bites", "8"));
        assertTrue(r.hasErrors());
        assertTrue(messages(r).contains("/tmp/param-test.mkw:1:1: error: param.bites: the scenario declares no parameter 'bites' (it declares rounds, bytes)"),
                messages(r).toString());
        LoadResult bad = load(TEXT, Map.of("rounds", "many"));
        assertTrue(bad.hasErrors() && messages(bad).get(0).contains("param.rounds expects a number"), messages(bad).toString());
    }

    @Test
    void theValueRunIsTheValueValidated() {
        // 2^57 cycles per compute is past the limit of 2^56: the error is at the use, for the given value only.
        String text = TEXT.replace("compute rounds * 10 cycles", "compute big cycles").replace("param bytes", "param big default 100\nparam bytes");
        assertFalse(load(text, Map.of()).hasErrors(), messages(load(text, Map.of())).toString());
        LoadResult r = load(text, Map.of("big", Long.toString(1L << 57)));
        assertTrue(r.hasErrors());
        assertTrue(r.diagnostics().stream().anyMatch(d -> d.severity() == Diagnostic.Severity.ERROR && d.line() == 14), messages(r).toString());
    }

    @Test
    void mistakesWithParametersAreErrorsAtTheirPosition() {
        String twice = TEXT.replace("param bytes default 1K", "param bytes default 1K\nparam rounds default 4");
        assertTrue(messages(load(twice, Map.of())).stream().anyMatch(m -> m.contains(":4:7: error: parameter rounds is declared twice")), messages(load(twice, Map.of())).toString());
        String shadow = TEXT.replace("as ok ", "as rounds ");
        assertTrue(messages(load(shadow, Map.of())).stream().anyMatch(m -> m.contains("'rounds' is a parameter (line 2)")), messages(load(shadow, Map.of())).toString());
        String field = TEXT.replace("words (bytes)", "words (bytes.w0)");
        assertTrue(messages(load(field, Map.of())).stream().anyMatch(m -> m.contains("bytes is a parameter, a number: it has no field 'w0'")), messages(load(field, Map.of())).toString());
        String unused = TEXT.replace("param bytes default 1K", "param bytes default 1K\nparam idle default 5");
        LoadResult u = load(unused, Map.of());
        assertFalse(u.hasErrors());
        assertTrue(messages(u).stream().anyMatch(m -> m.contains(":4:7: warning: parameter idle is never used")), messages(u).toString());
    }

    @Test
    void defaultStaysAWordForTheEntryVariant() {
        LoadResult r = load("scenario E\nparam n default 2\nkernel { entry default }\ntask t { thread a { repeat n { compute 10 cycles } } }\n", Map.of());
        assertFalse(r.hasErrors(), messages(r).toString());
        assertEquals("default", dev.mkw.kernel.KernelVariants.byWord("entry").valueOf(r.scenario().kernel()));
    }

    private static List<String> messages(LoadResult r) {
        return r.diagnostics().stream().map(Diagnostic::format).toList();
    }
}
