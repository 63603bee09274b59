package dev.mkw.kernel.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import dev.mkw.hw.model.MachinePresets;
import dev.mkw.kernel.KernelConfig;
import dev.mkw.run.Simulation;

/**
 * The baselines on a multiprocessor: a Mach message to a thread on another processor is queued or
 * handed over and its receiver woken by an IPI (the copy-out then goes through the receiver's page
 * table); an LRPC to a server pinned to another processor is refused, since MKW runs LRPC on the
 * caller's processor and does not model the paper's exchange with an idle processor in the server's
 * domain; on one processor both work as before.
 */
class BaselinesOnProcessorsTest {

    private static Simulation run(int clientCpu, int serverCpu, KernelConfig k) {
        Simulation sim = Simulation.create(MultiprocessorTest.pingPong(clientCpu, serverCpu, k, 30),
                MachinePresets.get().machine("cortex_a9", 2));
        sim.run();
        return sim;
    }

    @Test
    void machMessagesCrossProcessors() {
        Simulation sim = run(0, 1, MachIpcTest.MACH);
        assertTrue(sim.inspector().errors().isEmpty(), () -> "errors: " + sim.inspector().errors());
        sim.checkAccounting();
        assertEquals(30, sim.inspector().thread("server.pong").ipcsReceived());
        assertEquals(30, sim.inspector().thread("client.ping").ipcsReceived());
        assertTrue(sim.inspector().processors().get(0).ipisSent() > 0, () -> "the client's calls wake the server by IPI: " + sim.inspector().processors());
    }

    @Test
    void lrpcStaysOnTheCallersProcessor() {
        Simulation same = run(1, 1, LrpcTest.LRPC);
        assertTrue(same.inspector().errors().isEmpty(), () -> "errors: " + same.inspector().errors());
        assertEquals(30, same.inspector().path("lrpc.call").count());
        Simulation cross = run(0, 1, LrpcTest.LRPC);
        assertTrue(cross.inspector().errors().stream().anyMatch(e -> e.message().contains("idle processor")), () -> cross.inspector().errors().toString());
    }
}
