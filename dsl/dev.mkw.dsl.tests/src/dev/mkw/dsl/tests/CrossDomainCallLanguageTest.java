package dev.mkw.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.mkw.dsl.LoadResult;
import dev.mkw.dsl.ScenarioLoader;
import dev.mkw.scenario.Op;

/**
 * {@code call T via HW} and {@code allow-call from T}: the words of cross-domain call hardware a
 * plugin contributes (README "Extending MKW"). Here no plugin is installed, so {@code via} has no
 * effect and is refused at the word, naming the extension point; {@code allow-call} is the kernel's
 * grant and works without the hardware.
 */
class CrossDomainCallLanguageTest {
    private static String scenario(String call) {
        return """
                scenario X
                machine preset x86_64_pcid
                protocol P { q label 1 words 2 }
                task vfs {
                    thread open {
                        allow-call from app.main
                        wait any as req
                        reply-wait req words (1) as req
                    }
                }
                task app {
                    thread main {
                        %s
                    }
                }
                """.formatted(call);
    }

    @Test
    void viaWithoutThePluginIsRefusedAtTheWord() {
        LoadResult r = ScenarioLoader.standalone().load(scenario("call vfs.open via tagcall P.q words (1, 2) as a"), "/t/x.mkw");
        List<String> m = Scenarios.formatted(r);
        assertTrue(m.stream().anyMatch(s -> s.startsWith("/t/x.mkw:13:27: error: no cross-domain call hardware 'tagcall' is installed")
                && s.contains("dev.mkw.hw.cpuFeatures")), m.toString());
    }

    @Test
    void aDirectCallIsNoIpc() {
        LoadResult r = ScenarioLoader.standalone().load(scenario("call vfs.open via tagcall P.q words (1, 2) as a timeout never"), "/t/x.mkw");
        assertTrue(Scenarios.formatted(r).stream().anyMatch(s -> s.contains("has no receive window, buffer or timeout: it is a call instruction, not IPC")),
                Scenarios.formatted(r).toString());
    }

    @Test
    void allowCallIsTheKernelsGrant() {
        LoadResult r = ScenarioLoader.standalone().load(scenario("call vfs.open P.q words (1, 2) as a timeout never"), "/t/x.mkw");
        assertEquals(List.of(), Scenarios.formatted(r));
        Op first = r.scenario().thread("vfs.open").body().get(0);
        assertTrue(first instanceof Op.AllowCall a && a.caller().toString().contains("app.main"), first.toString());
    }
}
