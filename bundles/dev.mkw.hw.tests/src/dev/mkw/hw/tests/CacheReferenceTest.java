package dev.mkw.hw.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.LinkedList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import dev.mkw.hw.sim.Cache;
import dev.mkw.hw.sim.CacheSpec;

/**
 * {@link Cache} against the textbook LRU cache (a list per set, most recent first) on random
 * access sequences: every hit and miss, every write-back and write-through must agree, for
 * every associativity the packed recency order handles (1..16 ways) and for wider sets (the
 * use-stamp path), write-back and write-through, physically and virtually indexed.
 */
class CacheReferenceTest {

    /** The obvious model: per set a list of line numbers, most recent first, with dirty flags. */
    private static final class ReferenceLru {
        private final List<LinkedList<long[]>> sets = new ArrayList<>();
        private final int ways, lineShift, setMask;
        private final boolean writeBack, virtuallyIndexed;
        long hits, misses, writeBacks, writeThroughs;

        ReferenceLru(int sizeBytes, int lineBytes, int ways, boolean writeBack, boolean virtuallyIndexed) {
            int n = sizeBytes / (lineBytes * ways);
            for (int i = 0; i < n; i++) sets.add(new LinkedList<>());
            this.ways = ways;
            this.lineShift = Integer.numberOfTrailingZeros(lineBytes);
            this.setMask = n - 1;
            this.writeBack = writeBack;
            this.virtuallyIndexed = virtuallyIndexed;
        }

        boolean contains(long paddr, long vaddr) {
            long line = paddr >>> lineShift;
            return sets.get((int) (((virtuallyIndexed ? vaddr : paddr) >>> lineShift) & setMask)).stream().anyMatch(e -> e[0] == line);
        }

        boolean access(long paddr, long vaddr, boolean write) {
            long line = paddr >>> lineShift;
            LinkedList<long[]> set = sets.get((int) (((virtuallyIndexed ? vaddr : paddr) >>> lineShift) & setMask));
            for (long[] e : set) {
                if (e[0] == line) {
                    hits++;
                    set.remove(e);
                    set.addFirst(e);
                    if (write) {
                        if (writeBack) e[1] = 1;
                        else writeThroughs++;
                    }
                    return true;
                }
            }
            misses++;
            if (write && !writeBack) {
                writeThroughs++;
                return false;
            }
            if (set.size() == ways && set.removeLast()[1] == 1) writeBacks++;
            set.addFirst(new long[] { line, write ? 1 : 0 });
            return false;
        }
    }

    @Test
    void agreesWithTheTextbookLruOnRandomSequences() {
        int[] waysToTry = { 1, 2, 3, 4, 5, 8, 9, 12, 15, 16, 17, 20, 32 };
        for (int ways : waysToTry) {
            for (int variant = 0; variant < 4; variant++) {
                boolean writeBack = (variant & 1) == 0;
                boolean vipt = (variant & 2) != 0;
                int lineBytes = 16, sets = 8;
                int size = lineBytes * ways * sets;
                Cache cache = new Cache("C", 1, CacheSpec.Kind.DATA, size, lineBytes, ways, 1, writeBack, vipt);
                ReferenceLru ref = new ReferenceLru(size, lineBytes, ways, writeBack, vipt);
                SplittableRandom random = new SplittableRandom(31L * ways + variant);
                // Lines from a pool about twice the cache, with a hot subset so hits land in every LRU position.
                long poolLines = 2L * ways * sets;
                for (int i = 0; i < 20_000; i++) {
                    long line = random.nextInt(4) == 0 ? random.nextLong(poolLines) : random.nextLong(Math.max(1, poolLines / 3));
                    long paddr = line * lineBytes + random.nextInt(lineBytes);
                    long vaddr = vipt ? paddr ^ ((long) random.nextInt(2) * lineBytes) : paddr; // a synonym in the next set for half of them
                    boolean write = random.nextInt(4) == 0;
                    String where = ways + " ways, wb=" + writeBack + ", vipt=" + vipt + ", access " + i;
                    assertEquals(ref.access(paddr, vaddr, write), cache.access(paddr, vaddr, write), where);
                }
                String config = ways + " ways, wb=" + writeBack + ", vipt=" + vipt;
                assertEquals(ref.hits, cache.hits(), config);
                assertEquals(ref.misses, cache.misses(), config);
                assertEquals(ref.writeBacks, cache.writeBacks(), config);
                assertEquals(ref.writeThroughs, cache.writeThroughs(), config);
                for (long line = 0; line < poolLines; line++) {
                    long paddr = line * lineBytes;
                    for (long vaddr : new long[] { paddr, paddr ^ lineBytes }) {
                        assertEquals(ref.contains(paddr, vaddr), cache.contains(paddr, vaddr), config + ", contents of line " + line);
                    }
                }
            }
        }
    }
}
