package dev.mkw.kernel.tests;

import static dev.mkw.test.support.Scenarios.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import dev.mkw.kernel.KernelConfig;
import dev.mkw.run.Simulation;
import dev.mkw.scenario.Op;
import dev.mkw.scenario.Target;
import dev.mkw.scenario.Timeout;

/**
 * The LRPC baseline ({@code kernel { ipc lrpc }}, dev.mkw.kernel.baseline.lrpc): the caller's thread
 * runs in the server's domain, no scheduler and no thread switch; Bershad et al. (TOCS 1990) report
 * "a factor-of-three performance improvement over more traditional approaches based on independent
 * threads exchanging messages": the direction holds against the Mach baseline.
 */
class LrpcTest {
    static final KernelConfig LRPC = KernelConfig.defaults().withIpc(KernelConfig.Ipc.LRPC);

    @Test
    void aCallRunsTheProcedureAndReturns() {
        Simulation sim = MachIpcTest.rpc(LRPC, 2, 50);
        assertTrue(sim.inspector().errors().isEmpty(), sim.inspector().errors().toString());
        assertTrue(sim.inspector().thread("client.ping").state().equals("DEAD"), sim.inspector().thread("client.ping").toString());
        assertEquals(50, sim.inspector().path("lrpc.call").count());
        assertEquals(50, sim.inspector().path("lrpc.return").count());
        assertNull(sim.inspector().paths().get("ipc.fastpath"));
        assertEquals(2, sim.userState("server.pong").received("req").words()[1]);
        assertEquals(2, sim.userState("client.ping").received("r").words()[1]);
    }

    @Test
    void noThreadSwitchAndNoSchedulerOnACall() {
        Simulation lrpc = MachIpcTest.rpc(LRPC, 2, 100), l4 = MachIpcTest.rpc(KernelConfig.defaults(), 2, 100);
        long lrpcSwitches = lrpc.inspector().thread("client.ping").switchesIn() + lrpc.inspector().thread("server.pong").switchesIn();
        long l4Switches = l4.inspector().thread("client.ping").switchesIn() + l4.inspector().thread("server.pong").switchesIn();
        assertTrue(lrpcSwitches < 5, "LRPC switched threads " + lrpcSwitches + " times");
        assertTrue(l4Switches >= 200, "L4 switches " + l4Switches);
    }

    @Test
    void theAddressSpaceSwitchIsWhatACallCosts() {
        // On the untagged i486 every call and return flushes the TLB: the stubs' A-stack accesses
        // after the switch walk the page table. The walks are part of the call's memory work.
        var call = MachIpcTest.rpc(LRPC, 2, 100).inspector().path("lrpc.call");
        assertTrue(call.walkCycles() > 0 && call.tlbMisses() >= call.count(), call.toString());
        assertTrue(call.privilegedCycles() > 0, call.toString());
    }

    @Test
    void lrpcIsFasterThanMessageBasedRpc() {
        double lrpc = MachIpcTest.oneWay(MachIpcTest.rpc(LRPC, 2, 200)), mach = MachIpcTest.oneWay(MachIpcTest.rpc(MachIpcTest.MACH, 2, 200));
        assertTrue(mach > 2 * lrpc, "Mach " + mach + " vs LRPC " + lrpc + " cycles one way");
    }

    @Test
    void aSendIsNoLrpc() {
        var sender = thread("s", 100, new Op.Send(new Target.Thread("rx.r"), words(1), Timeout.NEVER, AT));
        var receiver = thread("r", 100, waitAny("m"));
        Simulation sim = run(scenario("i486_50", LRPC, task("tx", null, sender), task("rx", null, receiver)));
        assertTrue(sim.inspector().errors().stream().anyMatch(e -> e.message().contains("LRPC has calls only")), sim.inspector().errors().toString());
    }

    @Test
    void aCallWithATimeoutIsRefused() {
        var client = thread("c", 100, new Op.Call(new Target.Thread("server.s"), words(1), null, "r", Timeout.cycles(1000), AT));
        var server = thread("s", 100, waitAny("req"));
        Simulation sim = run(scenario("i486_50", LRPC, task("server", null, server), task("client", null, client)));
        assertTrue(sim.inspector().errors().stream().anyMatch(e -> e.message().contains("has no timeout")), sim.inspector().errors().toString());
    }
}
