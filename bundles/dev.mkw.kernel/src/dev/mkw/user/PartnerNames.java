package dev.mkw.user;

import dev.mkw.kernel.abi.UserRegisters;
import dev.mkw.kernel.cap.Capabilities;
import dev.mkw.kernel.tcb.ThreadId;
import dev.mkw.scenario.SourceRef;
import dev.mkw.scenario.Target;

/**
 * How a scenario thread names its partners to the kernel: a thread of the scenario by its thread
 * ID, a capability slot by its capability pointer under capability naming (seL4-style IPC
 * gates), the sender of a message by the ID it came from or, under capability naming, by the
 * one-shot reply capability, an IRQ line by its interrupt thread's ID. A name the kernel would
 * not understand (a thread name under capability naming, a line the machine lacks) is the
 * program's error, located at its operation.
 */
final class PartnerNames {
    private final ThreadVariables vars;
    private Names names;

    PartnerNames(ThreadVariables vars) {
        this.vars = vars;
    }

    /** Boot: the thread IDs of the system, as the root server hands them out. */
    void setNames(Names names) {
        this.names = names;
    }

    /** TO of a send: a thread ID, or under capability naming a slot. */
    long partner(Target to, SourceRef where) {
        if (to instanceof Target.CapSlot cs) {
            if (!names.capabilityNaming()) throw new Evaluator.UserError("'cap " + cs.slot() + "' names a capability, but the kernel names partners by thread ID (naming thread-ids)", where);
            return Capabilities.cptr(cs.slot());
        }
        if (names.capabilityNaming() && to instanceof Target.Thread th) {
            throw new Evaluator.UserError("the kernel names partners by capability (naming capabilities): use 'cap N' instead of the thread name " + th.qualifiedName(), where);
        }
        return threadId(to, where);
    }

    /** TO of a reply: the sender's ID, or under capability naming the one-shot reply capability. */
    long replyTo(Target to, SourceRef where) {
        if (names.capabilityNaming() && to instanceof Target.Sender) return Capabilities.REPLY;
        return partner(to, where);
    }

    /** The interrupt thread of IRQ {@code line}; a line beyond any thread number is no line at all. */
    long interruptThread(int line, SourceRef where) {
        if (line < 0 || line >= names.irqLines()) {
            throw new Evaluator.UserError("IRQ line " + line + " does not exist on this machine (0.." + (names.irqLines() - 1) + ")", where);
        }
        return ThreadId.interrupt(line);
    }

    long threadId(Target to, SourceRef where) {
        switch (to) {
            case Target.Thread th -> {
                Integer id = names.id(th.qualifiedName());
                if (id == null) throw new Evaluator.UserError("no thread named " + th.qualifiedName(), where);
                return id;
            }
            case Target.Sender s -> {
                ReceivedMessage m = vars.received(s.var());
                if (m == null) throw new Evaluator.UserError("no message received as '" + s.var() + "' to reply to", where);
                if (m.sender() == UserRegisters.NIL) throw new Evaluator.UserError("the message '" + s.var() + "' has no sender one can reply to", where);
                return m.sender();
            }
            case Target.Irq irq -> {
                return interruptThread(irq.line(), where);
            }
            default -> throw new Evaluator.UserError("cannot name " + to + " here", where);
        }
    }
}
