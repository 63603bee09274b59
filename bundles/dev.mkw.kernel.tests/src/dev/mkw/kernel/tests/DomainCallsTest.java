package dev.mkw.kernel.tests;

import static dev.mkw.test.support.Scenarios.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.mkw.hw.model.MachinePresets;
import dev.mkw.kernel.KernelConfig;
import dev.mkw.kernel.KernelError;
import dev.mkw.kernel.xdomain.DomainGrants;
import dev.mkw.run.Simulation;
import dev.mkw.scenario.Op;
import dev.mkw.scenario.Scenario;
import dev.mkw.scenario.Target;

/**
 * The kernel's part of cross-domain calls through user-visible address-space tags
 * (dev.mkw.kernel.xdomain): the grants only the kernel installs (system call DOMAIN_GRANT, a
 * scenario's {@code allow-call}), the invariant that names a call without one, and a call through
 * hardware nobody contributed (here no plugin is installed), which ends the caller with an error at
 * its operation, never runs. The hardware's own tests are the example plugin's (TaggedCallTest).
 */
class DomainCallsTest {
    private static Scenario calls(Op clientOp) {
        var vfs = task("vfs", null, thread("open", 100, new Op.AllowCall(new Target.Thread("app.main"), AT), waitAny("req"),
                repeat(3, replyWait("req", words(1)))));
        var app = task("app", null, thread("main", 100, clientOp));
        var other = task("other", null, thread("t", 100, new Op.Exit(AT)));
        return dev.mkw.test.support.Scenarios.scenario("x86_64_pcid", KernelConfig.defaults().withCheckInvariants(true), vfs, app, other);
    }

    @Test
    void onlyTheKernelsGrantLetsADomainIn() {
        Simulation sim = run(calls(repeat(3, call("vfs.open", words(1, 2)))));
        var k = sim.kernel();
        DomainGrants grants = k.syscalls().domainCalls().grants();
        assertEquals(1, grants.size());
        assertEquals(1, sim.inspector().path("xdomain.grant").count());
        assertTrue(grants.allows(k.space("app"), k.thread("vfs.open")));
        assertTrue(!grants.allows(k.space("other"), k.thread("vfs.open")), "no grant for the other task");
        assertTrue(!grants.allows(k.space("vfs"), k.thread("app.main")), "a grant goes one way");
        // The invariant a completed call is checked against: without the grant it names the call.
        String broken = grants.violation(k.thread("other.t"), k.thread("vfs.open"));
        assertTrue(broken != null && broken.contains("other.t entered vfs.open without a grant the kernel installed"), broken);
        // With the grant, what is left to check is that the entry runs in its own domain (it does not: the run is over).
        String granted = grants.violation(k.thread("app.main"), k.thread("vfs.open"));
        assertTrue(granted != null && granted.contains("runs in domain"), granted);
    }

    @Test
    void aCallThroughHardwareNobodyContributedEndsTheCallerAtItsOperation() {
        var at = new dev.mkw.scenario.SourceRef("x.mkw", 7, 9);
        Scenario s = calls(new Op.DomainCall(new Target.Thread("vfs.open"), "nosuch", words(1, 2), "r", at));
        Simulation sim = Simulation.create(s, MachinePresets.get().machine("x86_64_pcid", 0));
        sim.run();
        List<KernelError> errors = sim.inspector().errors().stream().filter(KernelError::fatal).toList();
        assertEquals(1, errors.size(), sim.inspector().errors().toString());
        KernelError e = errors.get(0);
        assertEquals("app.main", e.thread());
        assertEquals(at, e.at());
        assertTrue(e.message().contains("no cross-domain call hardware 'nosuch' is installed") && e.message().contains("dev.mkw.hw.cpuFeatures"), e.message());
        assertNull(sim.inspector().paths().get("ipc.fastpath"), "nothing was sent");
    }
}
