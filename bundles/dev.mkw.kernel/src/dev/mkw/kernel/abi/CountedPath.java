package dev.mkw.kernel.abi;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.mkw.hw.sim.InstructionStream;

/**
 * The dynamic instruction mix of one pass through a real kernel's IPC fast path, counted from
 * its disassembly along one scenario (shared/notes/kernel-cost-sources.md §1 and §5 say how,
 * with every branch outcome). A count starts at the first kernel instruction (the exception
 * vector) and ends with the return to user mode, which it includes.
 *
 * <p>MKW charges the classes apart: the simple, load, store and not-taken branch instructions
 * at the preset's {@code INSTRUCTION} cost (a load or store that touches a modelled kernel object
 * is simulated besides), taken branches at {@code BRANCH_TAKEN}, system-register moves at
 * {@code SYSTEM_REGISTER}, and so, until the machine model has a cost for them, are the memory
 * barriers outside the address-space switch ({@link #barriers}). The other privileged instructions are the mechanisms MKW charges
 * through the preset: the entry and the return ({@code KERNEL_ENTRY}/{@code KERNEL_EXIT}), the
 * page-table root load with its barriers ({@code PAGE_TABLE_ROOT_LOAD}), and on ARMv7 the user-bank
 * register transfers {@code stmdb}/{@code ldmdb ^} ({@code REGISTER_SAVE}/{@code REGISTER_RESTORE}).
 *
 * @param kernel              whose path (and which function)
 * @param source              repository, file and commit it was counted from
 * @param simple              ALU and register moves
 * @param loads               loads (including pops and compares with a memory operand)
 * @param stores              stores (including pushes)
 * @param branches            branches and calls, taken or not
 * @param taken               of {@code branches}, those taken on this scenario
 * @param systemRegisterMoves privileged instructions charged as {@code SYSTEM_REGISTER}
 * @param barriers            memory barriers ({@code dmb}, {@code dsb}, {@code isb}) besides those of the address-space
 *                            switch: charged as {@code SYSTEM_REGISTER} too (MKW has no barrier cost yet)
 * @param privileged          all privileged instructions (system-register moves included)
 * @param perWord             instructions per message word the path copies (0: it copies none)
 * @param stream              the walked pass as an {@link InstructionStream} (a file of this bundle's {@code paths/}), or null
 *                            where only the mix was counted: on a machine with a pipeline the stream is scheduled
 *                            ({@code dev.mkw.hw.sim.IssueModel}) instead of charging the classes in turn
 */
public record CountedPath(String kernel, String source, int simple, int loads, int stores, int branches, int taken,
        int systemRegisterMoves, int barriers, int privileged, int perWord, String stream) {

    private static final Map<String, InstructionStream> STREAMS = new ConcurrentHashMap<>();

    /** The walked pass's instruction stream, or null where the path has none. */
    public InstructionStream instructionStream() {
        return stream == null ? null : STREAMS.computeIfAbsent(stream, CountedPath::load);
    }

    private static InstructionStream load(String file) {
        String at = "/paths/" + file;
        try (InputStream in = CountedPath.class.getResourceAsStream(at)) {
            if (in == null) throw new IllegalStateException("the kernel bundle lacks " + at);
            return InstructionStream.read(file, new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Instructions MKW charges as instructions: all but the privileged ones. */
    public int instructions() {
        return simple + loads + stores + branches;
    }

    /** Every instruction of the pass, privileged ones included. */
    public int total() {
        return instructions() + privileged;
    }

    /**
     * Pistachio ia32, INT 0x30 build (the 486 and P1 configurations), {@code exc_user_sysipc}
     * ({@code kernel/src/glue/v4-x86/x32/trap.S} at l4ka/pistachio 8be66aa9): send+receive, no
     * untyped words beyond MR0, partner waiting, other address space: 63 instructions, 21 ALU,
     * 16 loads, 11 stores, 12 branches (3 taken: {@code je 1f}, {@code je 2f}, {@code jmp *%ecx}),
     * 3 privileged ({@code mov %cr3} read, charged as a system-register move; {@code mov} to CR3;
     * {@code iret}). One path serves Call and ReplyWait. Message registers stay in registers.
     */
    public static final CountedPath PISTACHIO_IA32 = new CountedPath("L4Ka::Pistachio ia32 exc_user_sysipc",
            "l4ka/pistachio 8be66aa9 kernel/src/glue/v4-x86/x32/trap.S", 21, 16, 11, 12, 3, 1, 0, 3, 0, null);

    /**
     * Pistachio x86-64 {@code syscall_entry} ({@code kernel/src/glue/v4-x86/x64/trap.S} at
     * 8be66aa9), same scenario: 73 instructions, 28/18/10/15, 2 privileged ({@code mov} to CR3,
     * {@code sysretq}); the taken branches were not told apart (counted as not taken).
     */
    public static final CountedPath PISTACHIO_X64 = new CountedPath("L4Ka::Pistachio x86-64 syscall_entry",
            "l4ka/pistachio 8be66aa9 kernel/src/glue/v4-x86/x64/trap.S", 28, 18, 10, 15, 0, 0, 0, 2, 0, null);

    /**
     * seL4 AArch32 (Cortex-A9: imx6, {@code configs/ARM_verified.cmake} with KernelNumDomains=1,
     * non-SMP, no FPU context switch, gcc 12.2 -O2), {@code fastpath_call} as
     * {@code c_handle_fastpath_call} from the SWI vector ({@code ldr pc}) through
     * {@code arm_swi_syscall} to {@code rfeia}; seL4/seL4 1326364bc (src/fastpath/fastpath.c,
     * src/arch/arm/32/traps.S, include/arch/arm/arch/32/mode/fastpath/fastpath.h). Call, 0 words,
     * one-level capability lookup with a guard, receiver waiting alone on the endpoint, equal
     * priority, endpoint capability with all rights, other address space: 145 instructions, 78 ALU,
     * 20 loads, 14 stores, 17 branches (5 taken: the vector's {@code ldr pc}, {@code beq} to the
     * fast path, the zero-length {@code beq}, {@code bl} and {@code bx lr} of
     * {@code armv_contextSwitch_HWASID}), 16 privileged: {@code srsia} and {@code rfeia} (the entry
     * and exit), {@code stmdb}/{@code ldmdb ^} (register save and restore), {@code dsb}, three
     * {@code mcr} and three {@code isb} (the address-space switch via the global page directory),
     * and 5 CP15 thread-ID moves ({@code mrc} TPIDRPRW; {@code mrc}/{@code mcr} TPIDRURW, TPIDRURO).
     * Each message word: {@code ldr}, {@code str}, {@code cmp}, {@code bne}.
     */
    public static final CountedPath SEL4_AARCH32_CALL = new CountedPath("seL4 AArch32 fastpath_call",
            "seL4/seL4 1326364bc src/fastpath/fastpath.c, src/arch/arm/32/traps.S", 78, 20, 14, 17, 5, 5, 0, 16, 4, "sel4-aarch32-call.stream");

    /**
     * The same build's {@code fastpath_reply_recv} (ReplyRecv, 0 words, empty ready queue so the
     * out-of-line {@code isHighestPrio} returns at once, endpoint idle, no bound notification): 176
     * instructions, 93/23/21/23 (8 taken), the same 16 privileged.
     */
    public static final CountedPath SEL4_AARCH32_REPLY_RECV = new CountedPath("seL4 AArch32 fastpath_reply_recv",
            "seL4/seL4 1326364bc src/fastpath/fastpath.c, src/arch/arm/32/traps.S", 93, 23, 21, 23, 8, 5, 0, 16, 4, "sel4-aarch32-reply-recv.stream");

    /**
     * seL4 AArch64 (Cortex-A53: bcm2837, {@code configs/AARCH64_verified.cmake} with
     * KernelNumDomains=1, KernelArmHypervisorSupport=OFF, non-SMP, gcc 12.2 -O2),
     * {@code fastpath_call} from the lower-EL synchronous vector ({@code b lower_el_sync}) through
     * {@code lel_syscall} to {@code eret}; seL4/seL4 1326364bc (src/arch/arm/64/traps.S,
     * include/arch/arm/arch/64/mode/fastpath/fastpath.h). The Call scenario above, receiver already
     * the FPU owner: 194 instructions, 81 ALU, 34 loads, 29 stores (17 {@code stp} of the register
     * file among them), 31 branches (9 taken), 19 privileged: {@code eret}; {@code dsb},
     * {@code msr ttbr0_el1}, {@code isb} (the address-space switch); 15 system-register moves
     * ({@code mrs} SP_EL0, ELR twice, SPSR, ESR, TPIDR_EL1, TPIDR_EL0, TPIDRRO_EL0, CPACR;
     * {@code msr} CPACR, TPIDR_EL0, TPIDRRO_EL0, SP_EL0, ELR, SPSR). Each word: {@code ldr},
     * {@code str}, {@code add}, {@code cmp}, {@code b.ne}.
     */
    public static final CountedPath SEL4_AARCH64_CALL = new CountedPath("seL4 AArch64 fastpath_call",
            "seL4/seL4 1326364bc src/fastpath/fastpath.c, src/arch/arm/64/traps.S", 81, 34, 29, 31, 9, 15, 0, 19, 5, "sel4-aarch64-call.stream");

    /** The same build's {@code fastpath_reply_recv}, the ReplyRecv scenario above: 215 instructions, 88/38/32/38 (12 taken), 19 privileged. */
    public static final CountedPath SEL4_AARCH64_REPLY_RECV = new CountedPath("seL4 AArch64 fastpath_reply_recv",
            "seL4/seL4 1326364bc src/fastpath/fastpath.c, src/arch/arm/64/traps.S", 88, 38, 32, 38, 12, 15, 0, 19, 5, "sel4-aarch64-reply-recv.stream");

    /**
     * Fiasco (L4Re) at kernkonzept/fiasco 245fce53 (2026-06-24), as counted for the L4Re rows:
     * shared/notes/kernel-cost-sources.md §7 (configuration, every branch outcome, the walker).
     * The Raspberry Pi 5 build (Cortex-A76, ARMv8.2 atomics) counts 558, 540 and 164 for the three
     * paths below, 2 % fewer; the S32G build's counts serve both ARMv8 presets, as seL4's do.
     */
    private static final String FIASCO_SOURCE = "kernkonzept/fiasco 245fce53 src/kern/thread-ipc.cpp, thread_object.cpp, ipc_gate.cpp, context.cpp, arm/64/ivt.S";

    /**
     * Fiasco's IPC Call, the path of L4Re's inter-address-space benchmark (L4Re/ipcbench
     * {@code ipcclient.c}: {@code l4_ipc_call} through an IPC gate, 0 words, to a server thread
     * in another task waiting in {@code l4_ipc_reply_and_wait}). Fiasco has no fast path: this
     * is its generic C++ path, built for the NXP S32G2 (Cortex-A53, {@code CONFIG_PF_S32G},
     * {@code CONFIG_PERFORMANCE=y}, EL1 without {@code CONFIG_CPU_VIRT}, no JDB, the default
     * multiprocessor build, gcc 12.2 with Fiasco's default {@code -O3}) and walked in its
     * disassembly from the lower-EL synchronous vector through {@code arm_esr_entry},
     * {@code sys_ipc_wrapper} ({@code Obj_cap::deref}), {@code Ipc_gate::invoke},
     * {@code Thread::do_ipc} ({@code transfer_msg}, {@code memcpy} of 0 bytes,
     * {@code set_reply_cap}), the direct switch {@code Context::switch_exec_locked} with
     * {@code switchin_context} (address-space switch: {@code msr ttbr0_el1} with the ASID,
     * {@code isb}), then the server's own return from its reply-and-wait through
     * {@code do_ipc} and {@code fast_ret_from_irq} to {@code eret}. Neither thread owns the FPU;
     * the caller's scheduling context stays in the ready queue (its state keeps
     * {@code Thread_ready} until it blocks). 570 instructions: 216 ALU, 150 loads (3
     * {@code prfm} and 3 {@code ldxr} among them), 78 stores (3 {@code stxr}), 109 branches (59
     * taken, calls and returns included), 17 privileged: {@code eret}; {@code msr ttbr0_el1} and
     * {@code isb} (the address-space switch); 11 system-register moves ({@code mrs} ESR, ELR,
     * SPSR, DAIF, SP_EL0, TPIDR_EL0; {@code msr} SP_EL0, TPIDR_EL0, TPIDRRO_EL0, ELR, SPSR); 3
     * {@code dmb} (the gate's {@code mp_rmb}, the reply capability's {@code dmb ishst} and its
     * compare-and-swap's {@code dmb ish}). Every message register is in the UTCB: {@code memcpy}
     * copies two words in 13 instructions (4 {@code ldr}, 4 {@code str} of 32-bit halves, 2
     * {@code add}, {@code cmp}, 2 branches taken), 6.5 a word, rounded up to 7.
     */
    public static final CountedPath FIASCO_AARCH64_CALL = new CountedPath("Fiasco AArch64 IPC call (Thread::do_ipc)", FIASCO_SOURCE,
            216, 150, 78, 109, 59, 11, 3, 17, 7, "fiasco-aarch64-call.stream");

    /**
     * The same build's ReplyAndWait of the server (the benchmark's {@code l4_ipc_reply_and_wait},
     * 0 words): {@code sys_ipc_wrapper} takes the implicit reply capability (an exchange and a
     * compare-and-swap, {@code dmb ish}), {@code Thread_object::invoke} of the caller,
     * {@code do_ipc} sends to the caller in its closed wait and switches to it directly (the
     * server runs on the caller's donated scheduling context), and the caller returns from its
     * Call through {@code do_ipc}, {@code Ipc_gate::invoke} and {@code fast_ret_from_irq}. 554
     * instructions: 208 ALU, 146 loads, 77 stores, 108 branches (57 taken), 15 privileged:
     * {@code eret}, {@code msr ttbr0_el1}, {@code isb}, the same 11 system-register moves, 1
     * {@code dmb}.
     */
    public static final CountedPath FIASCO_AARCH64_REPLY_WAIT = new CountedPath("Fiasco AArch64 IPC reply-and-wait (Thread::do_ipc)", FIASCO_SOURCE,
            208, 146, 77, 108, 57, 11, 1, 15, 7, "fiasco-aarch64-reply-wait.stream");

    /**
     * The same build's invocation of a kernel object that the kernel answers itself, the path
     * of L4Re's "syscall" benchmark (L4Re/ipcbench {@code syscallbench.c}/{@code ipc_common.c}
     * {@code syscall_bench}: {@code l4_ipc_call} to the thread's own capability with
     * {@code L4_PROTO_THREAD}, one word, opcode {@code Control}, which {@code sys_control}
     * refuses at once, fewer than 6 words, {@code -EINVAL}): vector, {@code arm_esr_entry},
     * {@code sys_ipc_wrapper} and {@code Obj_cap::deref}, {@code Thread_object::invoke} (its
     * opcode dispatch and the inlined {@code sys_control}), the reply tag, {@code fast_ret_from_irq},
     * {@code eret}. 166 instructions: 53 ALU, 43 loads, 31 stores, 32 branches (16 taken), 7
     * privileged: {@code eret} and 6 system-register moves ({@code mrs} ESR, ELR, SPSR, DAIF;
     * {@code msr} ELR, SPSR). In Fiasco every system call is such an invocation; MKW runs it for
     * {@code notify}, a system call the kernel answers without a switch.
     */
    public static final CountedPath FIASCO_AARCH64_INVOKE = new CountedPath("Fiasco AArch64 kernel-object invocation (sys_ipc_wrapper, Thread_object::invoke)",
            FIASCO_SOURCE, 53, 43, 31, 32, 16, 6, 0, 7, 0, "fiasco-aarch64-invoke.stream");
}
