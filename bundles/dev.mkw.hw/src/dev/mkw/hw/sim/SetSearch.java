package dev.mkw.hw.sim;

/**
 * Finding a line in one cache set, specialised per associativity: the presets' caches have
 * 2, 4, 8 or 16 ways (the i486's 4-way unified cache, the Cortex-A9's 4-way L1s and 16-way
 * L2, the x86-64 preset's 8-way L1s, 4-way L2 and 16-way L3), so each of those gets code in
 * which the number of ways is a constant: the compares of a narrow set unrolled, the partial
 * tags of a wide one read as exactly one or two words. Any other associativity takes the
 * general loops, with the same result.
 *
 * <p>Why: a loop whose bound is a field costs a counter, a bound test and a mispredicted exit
 * on every lookup; with the bound a constant the JIT emits straight-line compares, as a real
 * cache compares all its tags at once. {@link Cache} picks the shape once, in its constructor,
 * and its lookup switches on it: one well-predicted branch, no virtual call (a call site
 * that saw a cache class per geometry would go megamorphic as soon as a machine had three).
 *
 * <p>Layout of a set's block in {@code long}s (see {@link Cache}): {@code tags} words of
 * partial tags (eight 8-bit hashes each) at {@code tagsAt}, then one word per way at
 * {@code first}: line number &lt;&lt; 2 | VALID | DIRTY.
 */
final class SetSearch {
    /** The shapes {@link #shape} picks. */
    static final int WAYS_1 = 0, WAYS_2 = 1, WAYS_4 = 2, TAGS_8 = 3, TAGS_16 = 4, SCAN = 5, TAGS = 6;
    /** Sets of up to this many ways are searched way by way; wider ones through their partial tags. */
    static final int SCAN_WAYS = 4;
    private static final long DIRTY = 1;
    private static final long BYTE_ONES = 0x0101_0101_0101_0101L;
    private static final long BYTE_HIGHS = 0x8080_8080_8080_8080L;

    private SetSearch() {}

    /** The specialised search for a set of {@code ways} ways. */
    static int shape(int ways) {
        return switch (ways) {
            case 1 -> WAYS_1;
            case 2 -> WAYS_2;
            case 4 -> WAYS_4;
            case 8 -> TAGS_8;
            case 16 -> TAGS_16;
            default -> ways <= SCAN_WAYS ? SCAN : TAGS;
        };
    }

    /** What the shape is called (for tests and views). */
    static String name(int shape) {
        return switch (shape) {
            case WAYS_1 -> "1 way";
            case WAYS_2 -> "2 ways, unrolled";
            case WAYS_4 -> "4 ways, unrolled";
            case TAGS_8 -> "8 ways, one tag word";
            case TAGS_16 -> "16 ways, two tag words";
            case SCAN -> "way by way";
            default -> "tag words";
        };
    }

    /** Words of partial tags a set of {@code ways} ways keeps (0: searched way by way). */
    static int tagWords(int ways) {
        return ways > SCAN_WAYS ? (ways + 7) >>> 3 : 0;
    }

    /** The way of the set holding {@code key}, or -1; the set's ways start at {@code first}, its tags at {@code tags}. */
    static int find(int shape, long[] s, int tags, int first, int ways, long key, int hash) {
        return switch (shape) {
            case WAYS_1 -> (s[first] & ~DIRTY) == key ? 0 : -1;
            case WAYS_2 -> find2(s, first, key);
            case WAYS_4 -> find4(s, first, key);
            case TAGS_8 -> inTagWord(s, s[tags], first, 0, key, hash);
            case TAGS_16 -> find16(s, tags, first, key, hash);
            case SCAN -> scan(s, first, ways, key);
            default -> tagged(s, tags, first, ways, key, hash);
        };
    }

    private static int find2(long[] s, int first, long key) {
        if ((s[first] & ~DIRTY) == key) return 0;
        return (s[first + 1] & ~DIRTY) == key ? 1 : -1;
    }

    private static int find4(long[] s, int first, long key) {
        if ((s[first] & ~DIRTY) == key) return 0;
        if ((s[first + 1] & ~DIRTY) == key) return 1;
        if ((s[first + 2] & ~DIRTY) == key) return 2;
        return (s[first + 3] & ~DIRTY) == key ? 3 : -1;
    }

    private static int find16(long[] s, int tags, int first, long key, int hash) {
        int way = inTagWord(s, s[tags], first, 0, key, hash);
        return way >= 0 ? way : inTagWord(s, s[tags + 1], first, 8, key, hash);
    }

    /**
     * The ways among the eight whose partial tags are {@code word} (ways {@code base} ..
     * {@code base + 7}) that hold {@code key}: a SWAR zero-byte test flags every byte equal to
     * {@code hash} (and maybe some above a true one), then one full compare per candidate.
     * Empty ways have tag 0 and word 0, which never equals a valid key.
     */
    private static int inTagWord(long[] s, long word, int first, int base, long key, int hash) {
        long x = word ^ (hash * BYTE_ONES);
        long candidates = (x - BYTE_ONES) & ~x & BYTE_HIGHS;
        while (candidates != 0) {
            int way = base + (Long.numberOfTrailingZeros(candidates) >>> 3);
            if ((s[first + way] & ~DIRTY) == key) return way;
            candidates &= candidates - 1;
        }
        return -1;
    }

    /** Any narrow set (3 ways): way by way. */
    private static int scan(long[] s, int first, int ways, long key) {
        for (int w = 0; w < ways; w++) if ((s[first + w] & ~DIRTY) == key) return w;
        return -1;
    }

    /** Any wide set: its tag words in turn (a set whose ways are not a multiple of 8 has unused tag bytes, skipped). */
    private static int tagged(long[] s, int tags, int first, int ways, long key, int hash) {
        int words = tagWords(ways);
        for (int g = 0; g < words; g++) {
            long x = s[tags + g] ^ (hash * BYTE_ONES);
            long candidates = (x - BYTE_ONES) & ~x & BYTE_HIGHS;
            while (candidates != 0) {
                int way = (g << 3) + (Long.numberOfTrailingZeros(candidates) >>> 3);
                if (way < ways && (s[first + way] & ~DIRTY) == key) return way;
                candidates &= candidates - 1;
            }
        }
        return -1;
    }
}
