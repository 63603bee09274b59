package dev.mkw.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.mkw.dsl.LoadResult;
import dev.mkw.dsl.ScenarioLoader;
import dev.mkw.hw.model.MachinePresets;
import dev.mkw.run.Simulation;
import dev.mkw.scenario.Expr;
import dev.mkw.kernel.KernelConfig;
import dev.mkw.scenario.MessageSpec;
import dev.mkw.scenario.Op;
import dev.mkw.scenario.Scenario;
import dev.mkw.scenario.SourceRef;
import dev.mkw.scenario.Target;
import dev.mkw.scenario.TaskSpec;
import dev.mkw.scenario.ThreadSpec;
import dev.mkw.scenario.Timeout;

/** The translation from the AST to the kernel's Scenario records, with source positions. */
class TranslatorTest {
    static Scenario load(String text) {
        LoadResult r = ScenarioLoader.standalone().load(text, "/t/x.mkw");
        assertEquals(List.of(), Scenarios.formatted(r));
        return r.scenario();
    }

    @Test
    void pingPongExample() throws Exception {
        LoadResult r = ScenarioLoader.standalone().load(Scenarios.examples().resolve("ping-pong.mkw"));
        Scenario s = r.scenario();
        assertNotNull(s, Scenarios.formatted(r)::toString);
        assertEquals("PingPong", s.name());
        assertEquals("i486_50", s.machine().preset());
        assertEquals(KernelConfig.Scheduling.BENNO, s.kernel().scheduling());
        assertEquals(KernelConfig.StringCopy.TEMPORARY_MAPPING, s.kernel().stringCopy());
        TaskSpec client = s.tasks().get(1);
        assertEquals("client", client.name());
        assertEquals(TaskSpec.ROOT_PAGER, client.pager());
        assertEquals(new TaskSpec.RegionSpec(0x10000, 64 * 1024, "rw", client.regions().get(0).at()), client.regions().get(0));
        ThreadSpec ping = client.threads().get(0);
        assertEquals(100, ping.priority());
        Op.Repeat loop = assertInstanceOf(Op.Repeat.class, ping.body().get(0));
        Op.Call call = assertInstanceOf(Op.Call.class, loop.body().get(0));
        assertEquals(new Target.Thread("server.pong"), call.to());
        assertEquals("Echo.request", call.msg().protocol());
        assertEquals(new Expr.Const(1), call.msg().label());
        assertEquals(Timeout.NEVER, call.timeout());
        assertEquals(ping.body().get(0).at().file(), call.at().file());
        assertEquals(33, call.at().line());
        assertEquals(13, call.at().column());
    }

    @Test
    void everyKindOfItemTimeoutAndCapability() {
        Scenario s = load("""
                scenario T
                machine preset i486_50
                kernel { naming capabilities fpu eager scheduler priority-rr timeslice 777 }
                task a pager root {
                  cap 2 -> a.t badge 0xB rights sg
                  thread t priority 7 timeslice 99 cpu 0 uses-fpu {
                    send a.t label 3 words (1, x.w0) map 0x10000 size 8K r grant 0x20000 size 4K string 0x1000 length 64 cap 2 timeout 10 us
                    wait any window 0x40000 size 16K buffer 0x5000 length 128 as x timeout zero
                    repeat forever as i { if i < 3 { exit } else { let y = i * 2 } }
                  }
                }
                run until 5000 cycles seed 9 trace on
                """);
        assertEquals(KernelConfig.Naming.CAPABILITIES, s.kernel().naming());
        assertEquals(KernelConfig.FpuSwitch.EAGER, s.kernel().fpuSwitch());
        assertEquals(777, s.kernel().timesliceCycles());
        TaskSpec a = s.tasks().get(0);
        assertEquals(List.of(new TaskSpec.CapSpec(2, "a.t", 0xB, "sg")), a.caps());
        ThreadSpec t = a.threads().get(0);
        assertEquals(new SourceRef("/t/x.mkw", 6, 3), t.at());
        Op.Send send = assertInstanceOf(Op.Send.class, t.body().get(0));
        assertEquals(new Expr.Field("x", "w0"), send.msg().words().get(1));
        assertEquals(List.of(
                new MessageSpec.MapItem(new Expr.Const(0x10000), 13, "r", false, null),
                new MessageSpec.MapItem(new Expr.Const(0x20000), 12, "rwx", true, null),
                new MessageSpec.StringItem(new Expr.Const(0x1000), new Expr.Const(64)),
                new MessageSpec.CapItem(2, "sgr")), send.msg().items());
        assertEquals(Timeout.cycles(500), send.timeout()); // 10 us at 50 MHz
        Op.Receive wait = assertInstanceOf(Op.Receive.class, t.body().get(1));
        assertEquals(new Target.Any(), wait.from());
        assertEquals(new Op.Acceptor(new Expr.Const(0x40000), 14, new Expr.Const(0x5000), new Expr.Const(128)), wait.acceptor());
        assertEquals(Timeout.ZERO, wait.timeout());
        Op.Repeat loop = assertInstanceOf(Op.Repeat.class, t.body().get(2));
        assertEquals(new Expr.Const(Op.Repeat.FOREVER), loop.count());
        assertInstanceOf(Op.If.class, loop.body().get(0));
        assertEquals(5000, s.run().untilCycles());
        assertEquals(9, s.run().seed());
    }

    @Test
    void importsResolveRelativeToTheImportingFile(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("lib"));
        Files.writeString(dir.resolve("lib/p.mkw"), "scenario Lib\nprotocol P { q words 1 }\ntask mem pager root { thread pager { wait any as f : P.q } }\n");
        Files.writeString(dir.resolve("main.mkw"), "import \"lib/p.mkw\"\nscenario Main\ntask app pager mem.pager { thread t { call mem.pager P.q words (1) as r } }\n");
        LoadResult r = ScenarioLoader.standalone().load(dir.resolve("main.mkw"));
        assertEquals(List.of(), Scenarios.formatted(r));
        assertEquals(List.of("mem", "app"), r.scenario().tasks().stream().map(TaskSpec::name).toList());
        assertEquals("mem.pager", r.scenario().tasks().get(1).pager());
    }

    @Test
    void cancelAndAbortIpcBecomeExchangeRegistersAndTheVictimSeesTheError() {
        Scenario s = load("""
                scenario T
                task boot privileged {
                  thread ctl priority 5 { abort ipc of app.waiter }
                }
                task app {
                  thread waiter priority 10 { receive from app.quiet as m  let err = m.error  cancel ipc of app.quiet }
                  thread quiet priority 1 { compute 1000 }
                }
                run until all-done
                """);
        assertTrue(s.tasks().get(0).privileged());
        assertFalse(s.tasks().get(1).privileged());
        assertEquals(new Op.CancelIpc(new Target.Thread("app.waiter"), true, new SourceRef("/t/x.mkw", 3, 27)), s.tasks().get(0).threads().get(0).body().get(0));
        Op.CancelIpc cancel = assertInstanceOf(Op.CancelIpc.class, s.tasks().get(1).threads().get(0).body().get(2));
        assertFalse(cancel.abort());
        Simulation sim = Simulation.create(s, MachinePresets.get().machine("i486_50", 0));
        sim.run();
        assertEquals(List.of(), sim.inspector().errors());
        // The root task's abort ended the waiter's receive: ABORTED (7) in the receive phase (1): 7 << 1 | 1.
        // The waiter's own cancel met a thread in no IPC: nothing happened, no error.
        assertEquals(15L, sim.userState("app.waiter").variable("err"));
    }

    @Test
    void anExceptionHandlerSetsRegistersOrStopsTheThread() {
        Scenario s = load("""
                scenario T
                task sup { thread h priority 100 {
                  wait any as e  reply e words (e.ip + 1, e.w1 * 2)
                  wait any as e  reply e stop
                } }
                task app exception-handler sup.h {
                  thread f priority 10 { let r0 = 21  raise divide-error  let doubled = r0  raise breakpoint  let after = 1 }
                }
                run until all-done
                """);
        Op.Reply stop = assertInstanceOf(Op.Reply.class, s.tasks().get(0).threads().get(0).body().get(3));
        assertTrue(stop.stop());
        assertFalse(assertInstanceOf(Op.Reply.class, s.tasks().get(0).threads().get(0).body().get(1)).stop());
        Simulation sim = Simulation.create(s, MachinePresets.get().machine("i486_50", 0));
        sim.run();
        assertEquals(List.of(), sim.inspector().errors());
        var f = sim.inspector().thread("app.f");
        assertEquals(42L, sim.userState("app.f").variable("doubled"), "the handler's reply set r0");
        assertFalse(sim.userState("app.f").variable("after") != null, "the stop reply ended the thread at its second raise");
        assertEquals("DEAD", f.state());
    }
}
