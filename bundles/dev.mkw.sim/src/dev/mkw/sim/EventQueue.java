package dev.mkw.sim;

import java.util.Arrays;

/**
 * The engine's pending events: a binary min-heap on (cycle, priority, sequence) with the
 * comparison written out on the fields. Does what {@code PriorityQueue<SimEvent>} did, but
 * without the Comparable dispatch and bounds checks of the general class, because the
 * engine spends most of its own time here.
 */
final class EventQueue {
    private SimEvent[] heap = new SimEvent[64];
    private int size;

    int size() { return size; }

    SimEvent peek() { return size == 0 ? null : heap[0]; }

    void add(SimEvent e) {
        if (size == heap.length) heap = Arrays.copyOf(heap, size * 2);
        int i = size++;
        // Sift up: move parents down until e's place is found.
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            SimEvent p = heap[parent];
            if (!before(e, p)) break;
            heap[i] = p;
            i = parent;
        }
        heap[i] = e;
    }

    SimEvent poll() {
        if (size == 0) return null;
        SimEvent top = heap[0];
        SimEvent last = heap[--size];
        heap[size] = null;
        if (size > 0) siftDown(last);
        return top;
    }

    private void siftDown(SimEvent e) {
        int i = 0;
        int half = size >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            SimEvent c = heap[child];
            int right = child + 1;
            if (right < size && before(heap[right], c)) {
                child = right;
                c = heap[right];
            }
            if (!before(c, e)) break;
            heap[i] = c;
            i = child;
        }
        heap[i] = e;
    }

    /** Whether a fires before b; sequences are unique, so this is a strict total order. */
    static boolean before(SimEvent a, SimEvent b) {
        if (a.cycle() != b.cycle()) return a.cycle() < b.cycle();
        if (a.priority() != b.priority()) return a.priority() < b.priority();
        return a.sequence() < b.sequence();
    }
}
