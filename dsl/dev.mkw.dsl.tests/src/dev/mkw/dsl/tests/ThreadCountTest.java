package dev.mkw.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;

import dev.mkw.dsl.Diagnostic;
import dev.mkw.dsl.LoadResult;
import dev.mkw.dsl.ScenarioLoader;
import dev.mkw.run.RunPipeline;
import dev.mkw.run.Simulation;
import dev.mkw.scenario.Expr;
import dev.mkw.scenario.Op;
import dev.mkw.scenario.Scenario;
import dev.mkw.scenario.ThreadSpec;

/**
 * Thread counts as scenario parameters (issue 22 item 2): {@code thread client[clients] as i}
 * declares {@code clients} threads client[0] .. client[clients-1], each running the body with
 * {@code i} its number; {@code --set param.clients=N} and a sweep's {@code --vary} change how many
 * run; a count below 1, one that is no constant, more threads than the kernel numbers, or naming
 * such a declaration as one partner are errors at their place.
 */
class ThreadCountTest {
    static final String TEXT = """
            scenario Clients
            param clients default 3
            param rounds default 5
            protocol Echo { request label 1 words 1   response label 2 words 1 }
            task server {
                thread pong priority 100 {
                    repeat clients * rounds { wait any as req : Echo.request  reply req Echo.response words (req.w0 + 1) }
                }
            }
            task client {
                thread ping[clients] as i priority 100 {
                    repeat rounds { call server.pong Echo.request words (i) as answer timeout never }
                    if answer.w0 != i + 1 { raise invalid-opcode }
                }
            }
            run until all-done seed 1
            """;

    private static LoadResult load(String text, Map<String, String> params) {
        return ScenarioLoader.standalone().withParams(params).load(text, "/tmp/clients.mkw");
    }

    private static List<String> messages(LoadResult r) {
        return r.diagnostics().stream().map(Diagnostic::format).toList();
    }

    private static List<String> names(Scenario s) {
        return s.tasks().stream().flatMap(t -> t.threads().stream().map(th -> t.name() + "." + th.name())).toList();
    }

    @Test
    void aCountedThreadIsThatManyThreadsEachWithItsNumber() {
        LoadResult r = load(TEXT, Map.of());
        assertEquals(List.of(), messages(r));
        assertEquals(List.of("server.pong", "client.ping[0]", "client.ping[1]", "client.ping[2]"), names(r.scenario()));
        ThreadSpec second = r.scenario().thread("client.ping[1]");
        assertEquals(new Op.Let("i", new Expr.Const(1), second.at()), second.body().get(0), "the body starts with i = its number");
        assertEquals(100, second.priority());
    }

    @Test
    void theCountIsAParameterSetFromOutside() {
        Scenario eight = load(TEXT, Map.of("clients", "8")).scenario();
        assertEquals(9, names(eight).size());
        assertTrue(names(eight).contains("client.ping[7]"));
        Scenario one = load(TEXT, Map.of("clients", "1")).scenario();
        assertEquals(List.of("server.pong", "client.ping[0]"), names(one));
    }

    @Test
    void everyClientRunsAndGetsItsOwnAnswer() throws Exception {
        for (int n : new int[] {1, 4}) {
            Simulation sim = RunPipeline.prepare(load(TEXT, Map.of("clients", "" + n)).scenario());
            sim.run();
            assertEquals(List.of(), sim.inspector().errors(), "clients=" + n);
            assertEquals(n * 5L, sim.inspector().thread("server.pong").ipcsReceived());
            for (int i = 0; i < n; i++) {
                assertEquals("DEAD", sim.inspector().thread("client.ping[" + i + "]").state());
                assertEquals(i + 1, sim.userState("client.ping[" + i + "]").received("answer").words()[0], "client " + i + " got its own answer");
            }
        }
    }

    @Test
    void aCountBelowOneIsAnErrorAtTheCountNamingTheParameter() {
        LoadResult r = load(TEXT, Map.of("clients", "0"));
        assertTrue(r.hasErrors());
        assertTrue(messages(r).stream().anyMatch(m -> m.startsWith("/tmp/clients.mkw:11:17: error: thread ping: a thread count is at least 1, not 0 (param clients is 0")),
                messages(r).toString());
        LoadResult literal = load(TEXT.replace("ping[clients]", "ping[0]"), Map.of());
        assertTrue(messages(literal).stream().anyMatch(m -> m.contains("11:17: error: thread ping: a thread count is at least 1, not 0")), messages(literal).toString());
    }

    @Test
    void tooManyThreadsForTheKernelAreRefused() {
        LoadResult r = load(TEXT, Map.of("clients", "300000"));
        assertTrue(messages(r).stream().anyMatch(m -> m.contains("11:17: error: thread ping: 300000 threads, but the kernel has thread numbers for 261120")), messages(r).toString());
        LoadResult sum = load(TEXT.replace("thread ping[clients]", "thread pang[200000] { exit }\n    thread ping[clients]"), Map.of("clients", "200000"));
        assertTrue(messages(sum).stream().anyMatch(m -> m.contains("error: the scenario declares 400001 threads; the kernel has thread numbers for 261120")), messages(sum).toString());
    }

    /** More threads than the machine's memory holds at boot (a TCB page each): refused with a message, nothing run. */
    @Test
    void moreThreadsThanTheMachineHoldsAreRefusedAtBoot() {
        Scenario s = load(TEXT, Map.of("clients", "20000")).scenario();
        var e = org.junit.jupiter.api.Assertions.assertThrows(dev.mkw.run.RunRefused.class, () -> RunPipeline.prepare(s));
        assertTrue(e.getMessage().contains("the machine's memory cannot hold the scenario's 20001 threads at boot") && e.getMessage().contains("memory.sizeMiB"), e.getMessage());
    }

    @Test
    void aCountIsAConstantAndACountedThreadIsNoSinglePartner() {
        String variable = TEXT.replace("thread pong priority 100 {", "thread pong priority 100 {\n        let n = 2\n        exit\n    }\n    thread more[n] {");
        assertTrue(messages(load(variable, Map.of())).stream().anyMatch(m -> m.contains("error: a thread count is a constant: a number or a parameter")),
                messages(load(variable, Map.of())).toString());
        String named = TEXT.replace("call server.pong Echo.request", "call client.ping Echo.request");
        assertTrue(messages(load(named, Map.of())).stream().anyMatch(m -> m.contains("12:30: error: client.ping is declared with a count (ping[...]): it is several threads")),
                messages(load(named, Map.of())).toString());
        String index = TEXT.replace("ping[clients] as i", "ping[clients] as rounds");
        assertTrue(messages(load(index, Map.of())).stream().anyMatch(m -> m.contains("error: 'rounds' is a parameter; give the thread's number another name")),
                messages(load(index, Map.of())).toString());
    }

    @Test
    void withoutACountNothingChanges() {
        Scenario s = load(TEXT.replace("ping[clients] as i", "ping").replace("words (i)", "words (0)").replace("i + 1", "1").replace("clients * rounds", "rounds"), Map.of()).scenario();
        assertEquals(List.of("server.pong", "client.ping"), names(s));
        assertFalse(s.thread("client.ping").body().get(0) instanceof Op.Let);
    }

    /** The language server takes the construct: the file has no diagnostics, and a bad count has one at its place. */
    @Test
    @Timeout(120)
    void theLanguageServerKnowsCountedThreads(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("ok.mkw"), TEXT);
        Files.writeString(dir.resolve("bad.mkw"), TEXT.replace("ping[clients]", "ping[0]"));
        try (LspClient client = new LspClient()) {
            client.request("initialize", "{\"processId\":null,\"rootUri\":null,\"capabilities\":{\"workspace\":{\"workspaceFolders\":true}},"
                    + "\"workspaceFolders\":[{\"uri\":\"" + dir.toUri() + "\",\"name\":\"ws\"}]}");
            client.notify("initialized", "{}");
            JsonObject ok = client.awaitNotification(n -> n.get("method").getAsString().equals("textDocument/publishDiagnostics")
                    && n.getAsJsonObject("params").get("uri").getAsString().endsWith("ok.mkw"));
            assertEquals(0, ok.getAsJsonObject("params").getAsJsonArray("diagnostics").size(), ok::toString);
            JsonObject bad = client.awaitNotification(n -> n.get("method").getAsString().equals("textDocument/publishDiagnostics")
                    && n.getAsJsonObject("params").get("uri").getAsString().endsWith("bad.mkw"));
            var diags = bad.getAsJsonObject("params").getAsJsonArray("diagnostics");
            assertEquals(1, diags.size(), bad::toString);
            assertTrue(diags.get(0).getAsJsonObject().get("message").getAsString().contains("a thread count is at least 1"), bad::toString);
            assertEquals(10, diags.get(0).getAsJsonObject().getAsJsonObject("range").getAsJsonObject("start").get("line").getAsInt(), bad::toString);
        }
    }

    /** The shipped experiment over thread counts: its scenario loads at every count and runs that many clients. */
    @Test
    void theExperimentRunsAsManyClientsAsTheParameterSays() throws Exception {
        Path f = Scenarios.examples().resolve("../experiments/scheduling-thread-count/clients.mkw").normalize();
        long[] queueOps = new long[2];
        int k = 0;
        for (int n : new int[] {1, 16}) {
            var r = ScenarioLoader.standalone().withParams(Map.of("clients", "" + n, "rounds", "10")).load(f);
            assertEquals(List.of(), messages(r));
            Simulation sim = RunPipeline.prepare(RunPipeline.apply(r.scenario(), List.of("kernel.scheduling=eager")));
            sim.run();
            assertEquals(List.of(), sim.inspector().errors());
            assertEquals(n, sim.inspector().threads().stream().filter(t -> t.name().startsWith("callers.client[")).count());
            assertEquals(n * 10L, sim.inspector().thread("server.pong").ipcsReceived());
            queueOps[k++] = RunPipeline.report(sim, "").queueOperations();
        }
        assertTrue(queueOps[1] > 10 * queueOps[0], "16 clients make 16 times the queue work of one: " + queueOps[0] + " -> " + queueOps[1]);
    }
}
