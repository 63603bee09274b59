package dev.mkw.kernel.memory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.mkw.hw.sim.MemoryHierarchy;

/**
 * The mapping database (Microkernel Construction I.12, "Mapping Database"): for every
 * physical frame a derivation tree whose root is sigma0's mapping and whose children are
 * mappings derived by map; grant moves a node; unmap revokes a subtree. Nodes live in
 * kernel memory ({@link #NODE_SIZE} bytes each), so walking a large tree costs cache misses.
 */
public final class MappingDb {
    public static final int NODE_SIZE = 32;

    /** One mapping: (space, page) → frame with rights, derived from {@link #parent}. */
    public static final class Node {
        public final long frame;
        public AddressSpace space;
        public long vaddr;
        public int rights;
        public Node parent;
        public final List<Node> children = new ArrayList<>();
        final long address;
        /**
         * Ghost state, as seL4's specification keeps it for its proofs: the receive window
         * through which the receiving space accepted this mapping (L4 X.2, "Map Item": a
         * mapping lands only inside the window the receiver opened). The kernel's logic never
         * reads it; the memory invariant checks every mapping lies inside its window, so a
         * path that placed one elsewhere is caught.
         */
        public Fpage window = Fpage.COMPLETE;

        Node(long frame, AddressSpace space, long vaddr, int rights, Node parent, long address) {
            this.frame = frame;
            this.space = space;
            this.vaddr = vaddr;
            this.rights = rights;
            this.parent = parent;
            this.address = address;
        }

        public int subtreeSize() {
            int n = 1;
            for (Node c : children) n += c.subtreeSize();
            return n;
        }
    }

    private final Map<Long, Node> roots = new HashMap<>();
    private final Map<AddressSpace, Map<Long, Node>> bySpace = new HashMap<>();
    private final FrameAllocator frames;
    private long nodeArea = -1;
    private int nodeAreaUsed;
    private long revokedNodes;

    public MappingDb(FrameAllocator frames) {
        this.frames = frames;
    }

    private long nodeAddress() {
        // Nodes are packed into frames of the machine's size, as a kernel slab allocator would.
        if (nodeArea < 0 || nodeAreaUsed + NODE_SIZE > frames.frameSize()) {
            nodeArea = frames.allocate(frames.frameSize());
            nodeAreaUsed = 0;
        }
        long a = nodeArea + nodeAreaUsed;
        nodeAreaUsed += NODE_SIZE;
        return a;
    }

    /** sigma0's node for a frame, created on first use (sigma0 maps idempotently). */
    public Node root(long frame, AddressSpace sigma0) {
        return roots.computeIfAbsent(frame, f -> {
            Node n = new Node(f, sigma0, f, Fpage.RWX, null, nodeAddress());
            index(n);
            return n;
        });
    }

    public Node lookup(AddressSpace space, long vaddr) {
        Map<Long, Node> m = bySpace.get(space);
        return m == null ? null : m.get(vaddr >>> space.pageShift());
    }

    /** Derive a mapping of {@code parent}'s frame into {@code space} at {@code vaddr}. */
    public Node map(Node parent, AddressSpace space, long vaddr, int rights, Fpage window, MemoryHierarchy mem, long[] cycles) {
        cycles[0] += mem.accessPhysical(parent.address, MemoryHierarchy.READ);
        Node n = new Node(parent.frame, space, vaddr, rights & parent.rights, parent, nodeAddress());
        n.window = window;
        parent.children.add(n);
        index(n);
        cycles[0] += mem.accessPhysical(n.address, MemoryHierarchy.WRITE) + mem.accessPhysical(parent.address, MemoryHierarchy.WRITE);
        return n;
    }

    /** Grant: the node moves to {@code space}; the sender loses the mapping. */
    public Node grant(Node node, AddressSpace space, long vaddr, int rights, Fpage window, MemoryHierarchy mem, long[] cycles) {
        unindex(node);
        node.window = window;
        node.space = space;
        node.vaddr = vaddr;
        node.rights &= rights;
        index(node);
        cycles[0] += mem.accessPhysical(node.address, MemoryHierarchy.WRITE);
        return node;
    }

    /**
     * Revoke {@code rights} from everything derived from {@code node} (and from the node
     * itself if {@code self}); full revocation removes the mappings. The visitor sees each
     * changed mapping, children before parents, so the kernel can update page tables and
     * TLBs. Returns nodes visited.
     *
     * <p>Each node's child list is rebuilt once from the survivors instead of removing revoked
     * children one by one, so revoking a node with n children costs O(n), not O(n²): the host
     * time of a large unmap grows like its simulated cost. Recursion follows the tree's depth
     * (pager hierarchies are shallow; a chain of tens of thousands would need more stack).
     */
    public int unmap(Node node, int rights, boolean self, MemoryHierarchy mem, long[] cycles, Revoker revoker) {
        int[] visited = {0};
        Node parent = node.parent;
        List<Node> survivors = new ArrayList<>(1);
        revoke(node, rights, self, mem, cycles, revoker, visited, survivors);
        if (parent != null && !(survivors.size() == 1 && survivors.get(0) == node)) {
            int at = parent.children.indexOf(node);
            parent.children.remove(at);
            parent.children.addAll(at, survivors);
            for (Node n : survivors) n.parent = parent;
        }
        return visited[0];
    }

    /** Post-order revocation; adds to {@code survivors} what hangs where {@code node} hung afterwards. */
    private void revoke(Node node, int rights, boolean self, MemoryHierarchy mem, long[] cycles, Revoker revoker, int[] visited, List<Node> survivors) {
        if (!node.children.isEmpty()) {
            List<Node> kept = new ArrayList<>();
            for (Node c : node.children) revoke(c, rights, true, mem, cycles, revoker, visited, kept);
            node.children.clear();
            node.children.addAll(kept);
            for (Node k : kept) k.parent = node;
        }
        visited[0]++;
        cycles[0] += mem.accessPhysical(node.address, MemoryHierarchy.READ);
        if (!self) {
            survivors.add(node);
            return;
        }
        int remaining = node.rights & ~rights;
        if ((remaining & Fpage.R) == 0) {
            revoker.removed(node);
            unindex(node);
            revokedNodes++;
            // What survived below a removed node moves up to its parent.
            for (Node c : node.children) c.parent = node.parent;
            survivors.addAll(node.children);
            node.children.clear();
        } else {
            node.rights = remaining;
            revoker.reduced(node);
            survivors.add(node);
        }
        cycles[0] += mem.accessPhysical(node.address, MemoryHierarchy.WRITE);
    }

    /** Called for each mapping unmap changes. */
    public interface Revoker {
        void removed(Node n);
        void reduced(Node n);
    }

    private void index(Node n) {
        bySpace.computeIfAbsent(n.space, s -> new HashMap<>()).put(n.vaddr >>> n.space.pageShift(), n);
    }

    private void unindex(Node n) {
        Map<Long, Node> m = bySpace.get(n.space);
        if (m != null) m.remove(n.vaddr >>> n.space.pageShift());
    }

    public long revokedNodes() { return revokedNodes; }

    /** sigma0's node of every frame handed out (the roots of the derivation trees). */
    public java.util.Collection<Node> roots() { return java.util.Collections.unmodifiableCollection(roots.values()); }

    /** How many mappings {@code space} holds (nodes indexed under it). */
    public int count(AddressSpace space) {
        Map<Long, Node> m = bySpace.get(space);
        return m == null ? 0 : m.size();
    }

    /** Every node of a space, ordered by address (for the inspect views). */
    public List<Node> mappingsOf(AddressSpace space) {
        Map<Long, Node> m = bySpace.get(space);
        if (m == null) return List.of();
        List<Node> l = new ArrayList<>(m.values());
        l.sort((a, b) -> Long.compare(a.vaddr, b.vaddr));
        return l;
    }
}
