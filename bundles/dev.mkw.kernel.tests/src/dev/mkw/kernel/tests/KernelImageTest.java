package dev.mkw.kernel.tests;

import dev.mkw.test.support.Scenarios;

import static dev.mkw.test.support.Scenarios.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import dev.mkw.kernel.Kernel;
import dev.mkw.kernel.KernelCode;
import dev.mkw.kernel.KernelConfig;
import dev.mkw.kernel.KernelImage;
import dev.mkw.kernel.abi.Abi;

/**
 * The kernel image: every code block laid out in kernel text one after the other, each starting
 * on a 16-byte boundary as compilers align function entries, its length its instruction count
 * times the ISA's bytes per instruction; the IPC fast path has the instruction count measured in
 * L4Ka::Pistachio for the ISA (ia32 60, x86-64 71). Boot maps every text page, so executing a
 * block fetches real addresses.
 */
class KernelImageTest {

    private static Kernel booted(String preset) {
        return run(pingPong(preset, KernelConfig.defaults(), 1)).kernel();
    }

    @Test
    void blocksFollowEachOtherAlignedAndWithoutOverlap() {
        for (String preset : new String[] {"i486_50", "x86_64_pcid", "cortex_a9", "cortex_a53"}) {
            Kernel k = booted(preset);
            KernelImage image = k.image();
            int bytesPerInstruction = k.abi().codeBytesPerInstruction();
            long end = image.start(KernelCode.values()[0]);
            long textStart = end;
            for (KernelCode c : KernelCode.values()) {
                long start = image.start(c);
                if (c == KernelCode.IPC_FASTPATH_REPLY && k.abi().fastPathReplyWait() == k.abi().fastPathCall()) {
                    assertEquals(image.start(KernelCode.IPC_FASTPATH), start, preset + ": Pistachio's one fast path serves ReplyWait too");
                    continue;
                }
                assertEquals(0, start % 16, preset + ": " + c + " starts on 16 bytes");
                assertTrue(start >= end, preset + ": " + c + " does not overlap the block before");
                assertTrue(start - end < 16, preset + ": and follows it directly");
                long bytes = image.bytes(c, Integer.MAX_VALUE);
                boolean counted = c == KernelCode.IPC_FASTPATH || c == KernelCode.IPC_FASTPATH_REPLY;
                // A counted fast path's code also holds the privileged instructions MKW charges apart.
                int privileged = !counted ? 0 : (c == KernelCode.IPC_FASTPATH ? k.abi().fastPathCall() : k.abi().fastPathReplyWait()).privileged();
                assertEquals((long) (image.instructions(c) + privileged) * bytesPerInstruction, bytes, preset + ": " + c);
                end = start + bytes;
            }
            assertTrue(textStart + image.size() >= end, preset + ": the size covers every block");
        }
    }

    @Test
    void theFastPathHasTheInstructionCountOfItsIsa() {
        assertEquals(Abi.IA32_FASTPATH, booted("i486_50").image().instructions(KernelCode.IPC_FASTPATH));
        // x86-64: Pistachio's 71 counted instructions less those of the entry and exit stubs,
        // which the syscall/sysret entry variant executes itself (KernelEntry).
        var x64 = booted("x86_64_pcid");
        assertTrue(x64.entry().countedInstructions() > 0, "Pistachio's path saves the user stack pointer itself");
        assertEquals(Abi.X64_FASTPATH - x64.entry().countedInstructions(), x64.image().instructions(KernelCode.IPC_FASTPATH));
        assertEquals(KernelCode.IPC_SLOWPATH.instructions(), booted("i486_50").image().instructions(KernelCode.IPC_SLOWPATH));
    }

    /** A loop fetches its body once: the bytes of the first n instructions, never more than the block. */
    @Test
    void partOfABlockIsItsFirstInstructions() {
        KernelImage image = booted("i486_50").image();
        assertEquals(4 * 3, image.bytes(KernelCode.IPC_SLOWPATH, 3), "ia32: 4 bytes an instruction");
        long whole = image.bytes(KernelCode.IPC_SLOWPATH, image.instructions(KernelCode.IPC_SLOWPATH));
        assertEquals(whole, image.bytes(KernelCode.IPC_SLOWPATH, 1_000_000));
    }

    @Test
    void everyTextPageIsMappedAtBoot() {
        Kernel k = booted("i486_50");
        KernelImage image = k.image();
        long first = image.start(KernelCode.values()[0]);
        for (long a = first; a < first + image.size(); a += 4096) assertTrue(k.kernelMemory().mapped(a), Long.toHexString(a));
        assertTrue(k.kernelMemory().mapped(first + image.size() - 1));
    }
}
