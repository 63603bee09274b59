package dev.mkw.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.mkw.dsl.Diagnostic;
import dev.mkw.dsl.LoadResult;
import dev.mkw.dsl.ScenarioLoader;
import dev.mkw.kernel.KernelConfig;

/**
 * {@code kernel { path fiasco }}: the word translates to the variant, and a kernel whose code
 * was not counted for the scenario's CPU is an error at the word (Fiasco's path was counted on
 * ARMv8, Pistachio's on x86, seL4's on ARM).
 */
class KernelPathLanguageTest {

    private static final String THREAD = "task t {\n    thread a {\n        exit\n    }\n}\n";

    private static LoadResult load(String machine, String kernel) {
        return ScenarioLoader.standalone().load("scenario V\n" + machine + "kernel {\n    " + kernel + "\n}\n" + THREAD, "/t/p.mkw");
    }

    @Test
    void theWordsTranslate() {
        var r = load("machine preset cortex_a53\n", "path fiasco");
        assertEquals(List.of(), Scenarios.formatted(r));
        assertEquals(KernelConfig.Path.FIASCO, r.scenario().kernel().path());
        assertEquals(KernelConfig.Path.SEL4, load("machine preset cortex_a9\n", "path sel4").scenario().kernel().path());
        assertEquals(KernelConfig.Path.PISTACHIO, load("", "path pistachio").scenario().kernel().path());
        assertEquals(KernelConfig.Path.DEFAULT, load("", "path default").scenario().kernel().path());
    }

    @Test
    void aKernelNotCountedForTheCpuIsAnErrorAtTheWord() {
        LoadResult r = load("machine preset i486_50\n", "path fiasco");
        assertEquals(1, r.diagnostics().size(), () -> String.join("\n", Scenarios.formatted(r)));
        Diagnostic d = r.diagnostics().get(0);
        assertEquals(Diagnostic.Severity.ERROR, d.severity());
        assertEquals("4:10", d.line() + ":" + d.column());
        assertEquals("path fiasco: that kernel's code was not counted for the CPU of preset i486_50 (x86-32); counted there: pistachio (or default)", d.message());
        assertEquals(1, load("machine preset cortex_a9\n", "path fiasco").diagnostics().size(), "Fiasco's path was counted on ARMv8");
        assertEquals(1, load("machine preset cortex_a76\n", "path pistachio").diagnostics().size());
    }

    @Test
    void anUnknownWordNamesTheValues() {
        LoadResult r = load("machine preset cortex_a53\n", "path fiaso");
        assertEquals(1, r.diagnostics().size(), () -> String.join("\n", Scenarios.formatted(r)));
        assertEquals("path must be one of default | pistachio | sel4 | fiasco, not 'fiaso'; did you mean fiasco?", r.diagnostics().get(0).message());
    }
}
