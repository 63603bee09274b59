package dev.mkw.kernel.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.mkw.kernel.KernelConfig;
import dev.mkw.run.Simulation;
import dev.mkw.sim.report.IpcFootprint;

/**
 * The IPC cache footprint is measured from the accesses one short IPC makes: it follows the
 * path's code and data, it is not a constant.
 */
class FootprintTest {

    static IpcFootprint footprint(String preset, KernelConfig k) {
        return EntryVariantTest.report(EntryVariantTest.run(preset, k, Map.of())).ipcFootprint();
    }

    @Test
    void aShortIpcTouchesAtLeastItsCodeAndItsTcbs() {
        IpcFootprint f = footprint("i486_50", KernelConfig.defaults());
        assertEquals("ipc.fastpath", f.path());
        // The fast path's code: 60 counted instructions of 4 bytes, in 16-byte lines.
        assertTrue(f.codeBytes() >= 240 && f.codeBytes() % 16 == 0, "code " + f.codeBytes());
        // Sender and receiver TCB, the kernel stacks, the int frame: several 16-byte lines.
        assertTrue(f.dataBytes() >= 4 * 16 && f.dataBytes() % 16 == 0, "data " + f.dataBytes());
        assertEquals(f.codeBytes() + f.dataBytes(), f.bytes());
    }

    @Test
    void theSlowPathTouchesMoreCodeThanTheFastPath() {
        IpcFootprint fast = footprint("i486_50", KernelConfig.defaults());
        IpcFootprint slow = footprint("i486_50", KernelConfig.defaults().withFastpath(false));
        assertEquals("ipc.slowpath", slow.path());
        assertTrue(slow.codeBytes() > fast.codeBytes(), "slow path code " + slow.codeBytes() + " > fast path code " + fast.codeBytes());
    }

    @Test
    void theLineSizeIsTheMachines() {
        IpcFootprint a53 = footprint("cortex_a53", KernelConfig.defaults());
        assertTrue(a53.codeBytes() > 0 && a53.codeBytes() % 64 == 0 && a53.dataBytes() % 64 == 0, a53.toString());
    }
}
