package dev.mkw.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import dev.mkw.dsl.Diagnostic;
import dev.mkw.dsl.LoadResult;
import dev.mkw.dsl.ScenarioLoader;
import dev.mkw.kernel.KernelConfig;
import dev.mkw.scenario.Op;
import dev.mkw.scenario.Scenario;
import dev.mkw.scenario.ThreadSpec;

/** Loading scenarios: every example is clean, the translation is faithful, errors carry positions. */
class ScenarioLoaderTest {
    private final ScenarioLoader loader = ScenarioLoader.standalone();

    static Path examples() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve("examples/scenarios"))) p = p.getParent();
        return p.resolve("examples/scenarios");
    }

    @Test
    void everyExampleLoadsWithoutErrors() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(examples())) {
            files = s.filter(f -> f.toString().endsWith(".mkw")).sorted().toList();
        }
        assertFalse(files.isEmpty());
        for (Path f : files) {
            LoadResult r = loader.load(f);
            assertFalse(r.hasErrors(), f + ": " + r.diagnostics().stream().map(Diagnostic::format).toList());
        }
    }

    @Test
    void pingPongTranslatesFaithfully() {
        Scenario s = loader.load(examples().resolve("ping-pong.mkw")).scenario();
        assertEquals("PingPong", s.name());
        assertEquals("i486_50", s.machine().preset());
        assertEquals(KernelConfig.Scheduling.BENNO, s.kernel().scheduling());
        assertEquals(KernelConfig.TcbLookup.VIRTUAL_ARRAY.id(), s.kernel().tcbLookup());
        ThreadSpec ping = s.thread("client.ping");
        assertEquals(100, ping.priority());
        Op.Repeat loop = (Op.Repeat) ping.body().get(0);
        Op.Call call = (Op.Call) loop.body().get(0);
        assertEquals("Echo.request", call.msg().protocol());
        assertEquals(2, call.msg().words().size());
        assertEquals(33, call.at().line());
        assertEquals(13, call.at().column());
        Op.Touch touch = (Op.Touch) ping.body().get(1);
        assertTrue(touch.write());
        assertEquals("root", s.tasks().get(1).pager());
        assertEquals(64 * 1024, s.tasks().get(1).regions().get(0).size());
    }

    @Test
    void syntaxErrorHasFileLineColumn() {
        LoadResult r = loader.load("scenario X\ntask t {\n  thread a { compute }\n}\n", "/tmp/x.mkw");
        assertNull(r.scenario());
        Diagnostic d = r.diagnostics().get(0);
        assertEquals("/tmp/x.mkw", d.file());
        assertEquals(3, d.line());
        assertTrue(d.format().startsWith("/tmp/x.mkw:3:"), d.format());
    }

    @Test
    void unknownThreadIsALinkingError() {
        LoadResult r = loader.load("scenario X\ntask t {\n  thread a { call t.b }\n}\n", "/tmp/y.mkw");
        assertTrue(r.hasErrors());
        assertTrue(r.diagnostics().get(0).message().contains("t.b"), r.diagnostics().get(0).message());
    }

    @Test
    void machineOverridesNameFieldsOfThePreset() {
        LoadResult ok = loader.load("scenario X\nmachine preset i486_50 { cpus 1 memory.latency 20 caches.L1.ways 2 }\n", "/tmp/m.mkw");
        assertFalse(ok.hasErrors(), ok.diagnostics().toString());
        assertEquals("20", ok.scenario().machine().overrides().get("memory.latency"));
        LoadResult bad = loader.load("scenario X\nmachine preset i486_50 { memory.latncy 20 }\n", "/tmp/m.mkw");
        assertTrue(bad.hasErrors());
        assertTrue(bad.diagnostics().get(0).format().startsWith("/tmp/m.mkw:2:26: error: the machine has no field 'memory.latncy'"), bad.diagnostics().get(0).format());
    }

    @Test
    void replyNeedsABoundMessage() {
        LoadResult r = loader.load("scenario X\ntask t {\n  thread a { reply req }\n}\n", "/tmp/z.mkw");
        assertTrue(r.hasErrors());
        assertEquals("mkw.unbound-message", r.diagnostics().get(0).code());
    }
}
