package dev.mkw.kernel.tests;

import dev.mkw.test.support.Scenarios;

import static dev.mkw.test.support.Scenarios.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import dev.mkw.kernel.Kernel;
import dev.mkw.kernel.KernelConfig;
import dev.mkw.kernel.KernelPath;
import dev.mkw.kernel.sched.ReadyQueueMemory;
import dev.mkw.kernel.thread.Tcb;

/**
 * The ready queues in kernel memory (L4Ka::Pistachio's {@code prio_queue_t}: a head per
 * priority, the links in the TCBs): each queue operation touches the TCB's links and the
 * priority's head inside the kernel path doing it, and costs what those accesses cost; outside
 * a kernel path (boot) it touches nothing. All 256 heads lie in the page boot maps for them.
 */
class ReadyQueueMemoryTest {

    @Test
    void queueOperationsCostTheirAccessesInsideThePathDoingThem() {
        Kernel k = run(pingPong("i486_50", KernelConfig.defaults(), 1)).kernel();
        ReadyQueueMemory q = new ReadyQueueMemory(k);
        Tcb t = k.thread("client.ping");
        q.links(t, true);
        q.head(0, 10, true);
        assertEquals(null, k.currentPath(), "outside a path: nothing to charge, nothing charged");
        KernelPath p = k.path("schedule");
        try {
            q.links(t, false);
            long read = p.cycles();
            assertTrue(read > 0, "reading the links costs");
            q.links(t, true);
            assertTrue(p.cycles() > read, "writing them costs too");
            long before = p.cycles();
            for (int priority = 0; priority < 256; priority++) q.head(0, priority, priority % 2 == 0);
            assertTrue(p.cycles() > before, "the heads are in memory");
        } finally {
            k.charge(p, null);
        }
    }
}
