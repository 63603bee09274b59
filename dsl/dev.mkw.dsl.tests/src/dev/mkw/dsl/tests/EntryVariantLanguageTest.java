package dev.mkw.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.mkw.dsl.Diagnostic;
import dev.mkw.dsl.LoadResult;
import dev.mkw.dsl.ScenarioLoader;
import dev.mkw.kernel.KernelConfig;

/**
 * {@code kernel { entry ... }} and {@code interrupt-flag}: their words translate to the
 * variant, and a mechanism the scenario's CPU lacks is an error at the word (an i486 has only
 * {@code int}).
 */
class EntryVariantLanguageTest {

    private static final String THREAD = "task t {\n    thread a {\n        exit\n    }\n}\n";

    private static LoadResult load(String machine, String kernel) {
        return ScenarioLoader.standalone().load("scenario V\n" + machine + "kernel {\n    " + kernel + "\n}\n" + THREAD, "/t/e.mkw");
    }

    @Test
    void theWordsTranslate() {
        var r = load("machine preset x86_64_pcid\n", "entry sysenter\n    interrupt-flag virtual");
        assertEquals(List.of(), Scenarios.formatted(r));
        assertEquals(KernelConfig.Entry.SYSENTER, r.scenario().kernel().entry());
        assertEquals(KernelConfig.InterruptFlag.VIRTUAL, r.scenario().kernel().interruptFlag());
        assertEquals(KernelConfig.Entry.SVC_RFE, load("machine preset cortex_a9\n", "entry svc-rfe").scenario().kernel().entry());
        assertEquals(KernelConfig.Entry.DEFAULT, load("", "entry default").scenario().kernel().entry());
    }

    @Test
    void aMechanismTheCpuLacksIsAnErrorAtTheWord() {
        LoadResult r = load("machine preset i486_50\n", "entry sysenter");
        assertEquals(1, r.diagnostics().size(), () -> String.join("\n", Scenarios.formatted(r)));
        Diagnostic d = r.diagnostics().get(0);
        assertEquals(Diagnostic.Severity.ERROR, d.severity());
        assertEquals("4:11", d.line() + ":" + d.column());
        assertEquals("entry sysenter: the CPU of preset i486_50 (x86-32) has no such kernel entry; it offers int (or default: int/iret)", d.message());
        // Without a machine line the default preset (the i486) is the machine.
        assertEquals(1, load("", "entry syscall").diagnostics().size());
        assertEquals(1, load("machine preset cortex_a53\n", "entry svc-rfe").diagnostics().size(), "srs/rfe is ARMv7");
    }

    @Test
    void anUnknownWordNamesTheValues() {
        LoadResult r = load("", "interrupt-flag virtul");
        assertEquals(1, r.diagnostics().size(), () -> String.join("\n", Scenarios.formatted(r)));
        assertEquals("interrupt-flag must be one of trap | virtual, not 'virtul'; did you mean virtual?", r.diagnostics().get(0).message());
    }
}
