package dev.mkw.kernel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.mkw.kernel.memory.AddressSpace;

/**
 * The x86 I/O permission bitmap per task (Microkernel Construction I.8, "I/O Permission
 * Bitmap"): a user-level driver may use the ports its task was given; any other port is a
 * protection fault, delivered as exception IPC.
 */
public final class IoPermissions {
    private final Map<AddressSpace, List<long[]>> ports = new HashMap<>();

    void permit(AddressSpace space, long first, long last) {
        ports.computeIfAbsent(space, s -> new ArrayList<>()).add(new long[] {first, last});
    }

    public boolean permitted(AddressSpace space, long port) {
        for (long[] r : ports.getOrDefault(space, List.of())) if (port >= r[0] && port <= r[1]) return true;
        return false;
    }
}
