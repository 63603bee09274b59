package dev.mkw.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.mkw.dsl.Diagnostic;
import dev.mkw.dsl.LoadResult;
import dev.mkw.dsl.ScenarioLoader;
import dev.mkw.dsl.validation.IssueCodes;

/** Every validation rule with its exact message, position and issue code. */
class ValidationTest {
    static final ScenarioLoader LOADER = ScenarioLoader.standalone();

    private static Diagnostic only(String text) {
        LoadResult r = LOADER.load(text, "/t/v.mkw");
        assertEquals(1, r.diagnostics().size(), () -> String.join("\n", Scenarios.formatted(r)));
        return r.diagnostics().get(0);
    }

    private static void is(Diagnostic d, int line, int column, Diagnostic.Severity s, String code, String message) {
        assertEquals(message, d.message());
        assertEquals(code, d.code());
        assertEquals(s, d.severity());
        assertEquals(line + ":" + column, d.line() + ":" + d.column(), "position");
    }

    @Test
    void unknownPresetSuggestsTheClosest() {
        Diagnostic d = only("scenario T\nmachine preset i486_05\n");
        assertTrue(d.message().startsWith("unknown machine preset 'i486_05'; did you mean i486_50? (known: "), d.message());
        assertEquals(IssueCodes.UNKNOWN_PRESET, d.code());
        assertEquals("/t/v.mkw:2:16: error: " + d.message(), d.format());
    }

    @Test
    void anOverrideThatMakesTheMachineImpossibleIsMarkedWhereItIsWritten() {
        // caches.L1.ways 3: 8 KiB is not a multiple of 16-byte lines × 3 ways. The other overrides are fine.
        is(only("scenario T\nmachine preset i486_50 {\n  cpus 1\n  caches.L1.ways 3\n  memory.latency 20\n}\n"), 4, 18, Diagnostic.Severity.ERROR,
                IssueCodes.IMPOSSIBLE_MACHINE, "impossible machine: cache L1: size 8192 is not a multiple of line size × ways (16 × 3)");
        is(only("scenario T\nmachine preset cortex_a9 { mmu.tlbEntries 0 }\n"), 2, 43, Diagnostic.Severity.ERROR, IssueCodes.IMPOSSIBLE_MACHINE,
                "impossible machine: mmu: TLB: entries 0 must be at least 1");
        // Two overrides that are only wrong together: the problem belongs to the second.
        is(only("scenario T\nmachine preset i486_50 { caches.L1.lineBytes 32 caches.L1.sizeBytes 96 }\n"), 2, 69, Diagnostic.Severity.ERROR,
                IssueCodes.IMPOSSIBLE_MACHINE, "impossible machine: cache L1: size 96 is not a multiple of line size × ways (32 × 4)");
    }

    @Test
    void unknownSchedulerPolicy() {
        is(only("scenario T\nkernel { scheduler priority-r }\n"), 2, 20, Diagnostic.Severity.ERROR, IssueCodes.UNKNOWN_POLICY,
                "unknown scheduler policy 'priority-r'; did you mean priority-rr? (known: priority-rr)");
    }

    @Test
    void unknownTcbLookupNamesTheKnownOnes() {
        is(only("scenario T\nkernel { tcb-lookup virtual-aray }\n"), 2, 21, Diagnostic.Severity.ERROR, IssueCodes.UNKNOWN_VARIANT,
                "unknown tcb lookup 'virtual-aray'; did you mean virtual-array? (known: table, virtual-array, physical)");
    }

    @Test
    void unknownDeviceTypeNamesTheKnownOnes() {
        is(only("scenario T\ndevice uratt com1 irq 4\n"), 2, 8, Diagnostic.Severity.ERROR, IssueCodes.UNKNOWN_VARIANT,
                "unknown device type 'uratt'; did you mean uart? (known: block, timer, uart)");
    }

    @Test
    void unknownVariantValueIsASyntaxError() {
        LoadResult r = LOADER.load("scenario T\nkernel { scheduling fifo }\n", "/t/v.mkw");
        assertTrue(r.hasErrors());
        assertEquals(2, r.diagnostics().get(0).line());
    }

    @Test
    void priorityOutOfRange() {
        is(only(Scenarios.with("task a pager root { thread t priority 300 { exit } }")), 3, 39, Diagnostic.Severity.ERROR,
                IssueCodes.PRIORITY_RANGE, "priority 300 is outside 0..255");
    }

    @Test
    void fpageSizeNotPowerOfTwo() {
        is(only(Scenarios.with("task a pager root { thread t { unmap 0x10000 size 12K } }")), 3, 51, Diagnostic.Severity.ERROR,
                IssueCodes.FPAGE_SIZE, "a flexpage is 2^s bytes with s >= 12 (4 KiB); 12288 is not; did you mean 16K?");
    }

    @Test
    void fpageBaseNotAlignedToItsSize() {
        is(only(Scenarios.with("task a pager root { thread t { unmap 0x11000 size 64K } }")), 3, 38, Diagnostic.Severity.ERROR,
                IssueCodes.FPAGE_ALIGNMENT, "flexpage base 0x11000 is not aligned to its size 64K; did you mean 0x10000?");
    }

    @Test
    void regionNotPageAligned() {
        is(only(Scenarios.with("task a pager root { region 0x10010 size 4K }")), 3, 28, Diagnostic.Severity.ERROR,
                IssueCodes.ALIGNMENT, "region base 0x10010 is not page aligned (4 KiB); did you mean 0x10000?");
    }

    @Test
    void regionOutsideTheAddressSpace() {
        is(only(Scenarios.with("task a pager root { region 0xBFFFF000 size 8K }")), 3, 44, Diagnostic.Severity.ERROR,
                IssueCodes.REGION_OUTSIDE, "region 0xbffff000 size 8192 ends beyond the user address space 0x0..0xbfffffff (the kernel owns the top 1 GiB)");
    }

    @Test
    void theUserAddressSpaceEndsWhereTheMachinesKernelRegionBegins() {
        // The kernel owns the top quarter of what the preset's MMU format translates: from 3 GiB
        // on the 32-bit i486, from 0xC000_0000_0000 on x86-64's 48 bits.
        String tasks = "task a pager root { region 0xC0000000 size 8K }\nrun until all-done\n";
        assertTrue(LOADER.load("scenario T\nmachine preset x86_64_pcid { cpus 1 }\n" + tasks, "/t/v.mkw").diagnostics().isEmpty(),
                "above 3 GiB is user space on x86-64");
        assertTrue(LOADER.load("scenario T\nmachine preset cortex_a53 { cpus 1 }\n" + tasks, "/t/v.mkw").diagnostics().isEmpty(),
                "and on ARMv8's 4-level format");
        is(only("scenario T\nmachine preset i486_50\n" + tasks), 3, 44, Diagnostic.Severity.ERROR, IssueCodes.REGION_OUTSIDE,
                "region 0xc0000000 size 8192 ends beyond the user address space 0x0..0xbfffffff (the kernel owns the top 1 GiB)");
        is(only("scenario T\nmachine preset x86_64_pcid { cpus 1 }\ntask a pager root { region 0xBFFFFFFFF000 size 8K }\nrun until all-done\n"),
                3, 48, Diagnostic.Severity.ERROR, IssueCodes.REGION_OUTSIDE,
                "region 0xbffffffff000 size 8192 ends beyond the user address space 0x0..0xbfffffffffff (the kernel owns the top 64 TiB)");
    }

    @Test
    void overlappingRegions() {
        is(only(Scenarios.with("task a pager root {\nregion 0x10000 size 64K\nregion 0x18000 size 4K }")), 5, 8, Diagnostic.Severity.ERROR,
                IssueCodes.REGION_OVERLAP, "region 0x18000 overlaps region 0x10000 (line 4) of task a");
    }

    @Test
    void twoThreadsOnOneIrq() {
        is(only(Scenarios.with("task d pager root { thread a { exit } thread b { attach irq 3 } }\nirq 3 -> d.a")), 4, 5,
                Diagnostic.Severity.ERROR, IssueCodes.IRQ_TWO_HANDLERS, "IRQ 3 is already attached to d.b (line 3); an IRQ line has one handler thread");
    }

    @Test
    void callToAPartnerThatNeverReceivesTheProtocol() {
        Diagnostic d = only(Scenarios.with("protocol P { q words 0 }\nprotocol Q { x }\n"
                + "task s pager root { thread t { wait any as m : Q.x } }\n"
                + "task c pager root { thread t { call s.t P.q as r } }"));
        is(d, 6, 37, Diagnostic.Severity.WARNING, IssueCodes.NEVER_RECEIVED,
                "thread s.t never receives protocol P: this call blocks until its timeout; let it receive with 'wait any as m : P.q'");
    }

    @Test
    void memoryAccessWithoutPager() {
        is(only(Scenarios.with("task a { thread t { touch 0x1000 .. 0x2000 stride 4K } }")), 3, 6, Diagnostic.Severity.WARNING,
                IssueCodes.NO_PAGER, "task a has no pager, but thread t touches memory (line 3): the page fault has no one to resolve it; add 'pager root' or a pager thread");
    }

    @Test
    void timeoutBeyondTheEncodableRange() {
        is(only(Scenarios.with("task a pager root { thread t { wait any timeout 3000000000000 us } }")), 3, 49, Diagnostic.Severity.ERROR,
                IssueCodes.TIMEOUT_RANGE, "timeout 3000000000000 us exceeds the largest encodable L4 timeout (1023 * 2^31 us, about 25 days); use 'never'");
        is(only(Scenarios.with("task a pager root { thread t { wait any timeout 10 cycles } }")), 3, 49, Diagnostic.Severity.ERROR,
                IssueCodes.TIMEOUT_RANGE, "timeout 10 cycles is shorter than 1 us, the smallest encodable L4 timeout; use 'zero'");
    }

    @Test
    void threadPinnedToACpuTheMachineLacks() {
        is(only(Scenarios.with("task a pager root { thread t cpu 2 { exit } }")), 3, 34, Diagnostic.Severity.ERROR, IssueCodes.NEVER_RUNS,
                "thread a.t is pinned to cpu 2, but the machine has 1 CPU (0..0); pin it to one of them or give the machine more: machine preset P { cpus 3 }");
    }

    @Test
    void replyToAnUnboundMessage() {
        is(only(Scenarios.with("task a pager root { thread t { wait any as req reply rq } }")), 3, 54, Diagnostic.Severity.ERROR,
                IssueCodes.UNBOUND_MESSAGE, "'rq' is not a received message of thread t; bind one with 'as rq' (received: req)");
    }

    @Test
    void wrongNumberOfProtocolWords() {
        is(only(Scenarios.with("protocol P { q words 2 }\ntask a pager root { thread t { send a.t P.q words (1) } }")), 4, 52,
                Diagnostic.Severity.ERROR, IssueCodes.PROTOCOL_WORDS, "protocol message q has 2 words, this one 1");
    }

    @Test
    void capabilitySlotsAndRights() {
        List<Diagnostic> ds = LOADER.load(Scenarios.with("task a pager root { cap 1 -> a.t rights sx cap 1 -> a.t thread t { exit } }"), "/t/v.mkw").diagnostics();
        assertEquals(List.of("rights are letters of sgr, not 'sx'", "task a already holds a capability in slot 1"),
                ds.stream().map(Diagnostic::message).toList());
    }

    @Test
    void unresolvedThreadIsALinkingError() {
        LoadResult r = LOADER.load(Scenarios.with("task a pager root { thread t { call nobody.t } }"), "/t/v.mkw");
        assertTrue(r.hasErrors());
        assertNull(r.scenario());
        assertTrue(r.diagnostics().get(0).message().contains("nobody.t"), r.diagnostics().get(0).message());
    }

    @Test
    void cancellingIpcInAnotherTaskNeedsThePrivilegedRootTask() {
        is(only(Scenarios.with("task a { thread t { cancel ipc of b.u } }\ntask b { thread u { exit } }")), 3, 35, Diagnostic.Severity.ERROR,
                IssueCodes.FOREIGN_THREAD, "cancel ipc of b.u: a thread may only control threads of its own task a; only the privileged root task ('task NAME privileged') may reach other tasks");
        LoadResult ok = LOADER.load(Scenarios.with("task a privileged { thread t { abort ipc of b.u } }\ntask b { thread u { exit } }"), "/t/v.mkw");
        assertEquals(List.of(), Scenarios.formatted(ok));
        LoadResult sameTask = LOADER.load(Scenarios.with("task a { thread t { cancel ipc of a.u } thread u { exit } }"), "/t/v.mkw");
        assertEquals(List.of(), Scenarios.formatted(sameTask));
    }

    @Test
    void cancellingIpcOfAnIrqOrOfItselfIsFlagged() {
        is(only(Scenarios.with("task a { thread t { cancel ipc of irq 3 } }")), 3, 35, Diagnostic.Severity.ERROR,
                IssueCodes.NO_IPC_TO_CANCEL, "an IRQ pseudo-thread has no IPC to cancel; name a thread");
        is(only(Scenarios.with("task a { thread t { abort ipc of a.t } }")), 3, 34, Diagnostic.Severity.WARNING,
                IssueCodes.NO_IPC_TO_CANCEL, "abort ipc of the thread itself does nothing: while it runs this statement it is in no IPC");
    }

    @Test
    void oneRootTask() {
        is(only(Scenarios.with("task a privileged { thread t { exit } }\ntask b privileged { thread u { exit } }")), 4, 8, Diagnostic.Severity.ERROR,
                IssueCodes.TWO_ROOT_TASKS, "task a (line 3) is already the privileged root task; a scenario has one");
    }
}
