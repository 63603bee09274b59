package dev.mkw.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.xtext.Keyword;
import org.junit.jupiter.api.Test;

import dev.mkw.dsl.MkwStandaloneSetup;
import dev.mkw.dsl.services.MkwGrammarAccess;
import dev.mkw.kernel.KernelConfig;
import dev.mkw.kernel.KernelVariants;

/**
 * The kernel variants are declared once ({@link KernelVariants}): the language's
 * {@code kernel { }} keywords are exactly the declared variants, and every value a closed
 * variant declares is a word the language accepts and translates to that value.
 */
class KernelVariantsLanguageTest {

    @Test
    void theLanguageHasAKeywordForEveryVariantAndNoOther() {
        MkwGrammarAccess g = new MkwStandaloneSetup().createInjectorAndDoEMFRegistration().getInstance(MkwGrammarAccess.class);
        List<String> keys = new ArrayList<>();
        for (var e : org.eclipse.xtext.EcoreUtil2.eAllOfType(g.getKernelSettingRule(), org.eclipse.xtext.Assignment.class)) {
            if (e.getFeature().equals("key") && e.getTerminal() instanceof Keyword k) keys.add(k.getValue());
        }
        assertEquals(KernelVariants.ALL.stream().map(KernelVariants.Variant::word).toList(), keys);
    }

    @Test
    void everyDeclaredValueIsAWordOfTheLanguageAndTranslatesToItself() {
        int checked = 0;
        for (KernelVariants.Variant v : KernelVariants.ALL) {
            if (!v.closed()) continue;
            for (String value : v.values()) {
                var s = TranslatorTest.load("scenario V\n" + machineOffering(v.word(), value) + "kernel {\n    " + v.word() + " " + value + "\n}\ntask t {\n    thread a {\n        exit\n    }\n}\n");
                assertEquals(value, v.valueOf(s.kernel()), v.word() + " " + value);
                checked++;
            }
        }
        assertTrue(checked >= 14, "checked " + checked);
        assertEquals("10000", KernelVariants.byWord("timeslice").valueOf(TranslatorTest.load(
                "scenario V\nkernel {\n    timeslice 10000 cycles\n}\ntask t {\n    thread a {\n        exit\n    }\n}\n").kernel()));
    }

    /** An entry mechanism needs a CPU that has it (the default i486 has only int): a machine line that offers {@code value}. */
    private static String machineOffering(String word, String value) {
        if (word.equals("path")) return value.equals("sel4") || value.equals("fiasco") ? "machine preset cortex_a53\n" : "";
        if (!word.equals("entry")) return "";
        return switch (value) {
            case "sysenter", "syscall" -> "machine preset x86_64_pcid\n";
            case "svc", "svc-rfe" -> "machine preset cortex_a9\n";
            default -> "";
        };
    }

    @Test
    void aWrongValueNamesTheAcceptedOnes() {
        var v = KernelVariants.byWord("scheduling");
        var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> v.apply(KernelConfig.defaults(), "fifo"));
        assertEquals("scheduling must be one of eager | lazy | benno, got 'fifo'", e.getMessage());
    }
}
