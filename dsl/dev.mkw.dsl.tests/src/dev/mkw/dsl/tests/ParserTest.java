package dev.mkw.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.eclipse.xtext.testing.util.ParseHelper;
import org.eclipse.xtext.testing.validation.ValidationTestHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.google.inject.Inject;

import dev.mkw.dsl.mkw.Model;
import dev.mkw.dsl.mkw.Task;
import dev.mkw.dsl.mkw.Thread;

/** Every construct of the language parses (and links) into the expected AST. */
@ExtendWith(InjectionExtension.class)
@InjectWith(MkwInjectorProvider.class)
class ParserTest {
    @Inject ParseHelper<Model> parser;
    @Inject ValidationTestHelper validation;

    static final String ALL = """
            // every construct once
            scenario All "all constructs"
            machine preset i486_50 { cpus 1 memory.sizeMiB 16 }
            kernel { scheduling benno scheduler priority-rr tcb-lookup physical string-copy copy-in-out
                     irq-delivery async fastpath off fpu eager naming capabilities timeslice 5000 cycles invariants on }
            protocol P { req label 1 words 2  rep label 0x2 words 1 items 1 }
            task srv pager root exception-handler srv.h {
                region 0x10000 size 64K rw
                region 0x100000 size 1M rx
                io-ports 0x60 .. 0x64
                cap 3 -> srv.h badge 0x10 rights sgr
                thread t priority 10 timeslice 3000 cpu 0 uses-fpu {
                    wait any window all buffer 0x10000 length 64 as m : P.req timeout zero
                    receive from srv.h window 0x100000 size 64K as n : P.req timeout 10 us
                    send srv.h P.rep words (m.w0 * 2) map 0x10000 size 4K rw hotspot 0 grant 0x20000 size 8K timeout 100 cycles
                    send irq 4
                    call cap 3 label 9 words (1, 2) string 0x10000 length 16 cap 3 rights s as r timeout never
                    reply m P.rep words (1)
                    reply-wait m P.rep words (r.label) window 0x100000 size 4K as m timeout 5 us
                    notify srv.h bits 0x3
                    wait-notify 0xF as b timeout 1000 cycles
                    sleep 20 us
                    compute random(1, 10) cycles
                    touch 0x10000 .. 0x20000 stride 4K write
                    touch 0x10000 .. 0x20000 stride 4K read
                    load 0x10000 + 4
                    store (0x10000 | 8) << 1 >> 1
                    fpu 100 cycles
                    raise divide-error raise invalid-opcode raise protection-fault raise breakpoint
                    inb 0x60 outb 0x64
                    attach irq 4 ack irq 4 detach irq 4 cli sti
                    unmap 0x10000 size 4K w flush
                    revoke cap 3
                    repeat forever { exit }
                    repeat 10 as i { let x = i % 3 - 1 & 7 / 1 }
                    if m.w0 >= 1 { compute 1 } else { compute 2 }
                    if b.bits != 0 { compute 1 }
                }
                thread h { exit }
                thread w[2 * 2] as k priority 5 { compute k + 1 cycles }
            }
            irq 5 -> srv.h
            device uart com1 irq 5 interval 50000 cycles mode fifo
            run until 1000000 cycles seed 0x2A trace ring 512
            """;

    @Test
    void everyConstructParsesAndLinks() throws Exception {
        Model m = parser.parse(ALL);
        assertNotNull(m);
        assertTrue(m.eResource().getErrors().isEmpty(), () -> m.eResource().getErrors().toString());
        validation.assertNoErrors(m);
        assertEquals("All", m.getTitle());
        Task srv = (Task) m.getElements().stream().filter(e -> e instanceof Task).findFirst().orElseThrow();
        Thread t = (Thread) srv.getMembers().stream().filter(x -> x instanceof Thread).findFirst().orElseThrow();
        assertEquals(33, t.getBody().size());
        assertEquals("h", srv.getHandler().getName());
    }

    @Test
    void syntaxErrorIsReportedNotThrown() throws Exception {
        Model m = parser.parse("scenario X task t { thread a { call } }");
        assertTrue(!m.eResource().getErrors().isEmpty());
    }
}
