package dev.mkw.user;

import java.util.Map;

/**
 * What the user level knows of the system's names after boot, as a root server hands it to
 * its programs: every thread's ID by qualified name, and whether the kernel names partners
 * by thread ID or by capability, and how many IRQ lines (interrupt threads) the machine has,
 * as the kernel interface page tells an L4 program.
 */
public record Names(Map<String, Integer> threadIds, boolean capabilityNaming, int irqLines) {
    public Names {
        threadIds = Map.copyOf(threadIds);
    }

    public Integer id(String qualifiedName) {
        return threadIds.get(qualifiedName);
    }
}
