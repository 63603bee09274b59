package dev.mkw.hw.sim;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One pass through a piece of code as a straight line of instructions, each with its class and
 * the earlier instructions whose results it reads: what {@link IssueModel} schedules. The kernel's
 * counted paths carry one each, derived from the walk through a real kernel's disassembly
 * ({@code releng/scripts/kernel-paths/stream.py} says how).
 *
 * <p>Text form, one instruction a line ({@code #} starts a comment): its class letter, then the
 * producers as distances back (1 = the instruction before); a producer marked {@code '} gives
 * that result after one cycle whatever its class (a base register a load writes back).
 */
public final class InstructionStream {

    /** The classes the issue model tells apart. */
    public enum Kind {
        /** A one-cycle integer instruction. */
        ALU('a'),
        /** An integer instruction with a shifted or extended operand, or a multiply: two cycles. */
        MULTI_CYCLE_ALU('m'),
        LOAD('l'),
        STORE('s'),
        BRANCH('b'),
        /** A branch taken on this pass: fetch continues at its target in a later cycle. */
        TAKEN_BRANCH('t'),
        /** A move to or from a system register (charged {@code SYSTEM_REGISTER}). */
        SYSTEM_REGISTER('y'),
        /** A memory barrier the machine has no cost of its own for: waits for the older instructions, then costs a system-register move. */
        BARRIER('d'),
        /**
         * A privileged instruction the machine charges as a mechanism of its own (exception entry
         * and return, the page-table root write and its barriers, ARMv7's user-bank transfers):
         * it waits for every older instruction, and no younger one starts before it is done. Its
         * own cycles are the mechanism's cost, charged apart.
         */
        SERIALIZING('x');

        final char letter;

        Kind(char letter) {
            this.letter = letter;
        }

        static Kind of(char c) {
            for (Kind k : values()) if (k.letter == c) return k;
            return null;
        }
    }

    private static final Kind[] KINDS = Kind.values();
    private final String name;
    private final byte[] kinds;
    private final int[][] producers;
    private final boolean[][] fast;

    private InstructionStream(String name, byte[] kinds, int[][] producers, boolean[][] fast) {
        this.name = name;
        this.kinds = kinds;
        this.producers = producers;
        this.fast = fast;
    }

    /** Reads the text form; IllegalArgumentException naming {@code name} and the line if it is malformed. */
    public static InstructionStream read(String name, Reader text) throws IOException {
        List<Kind> kinds = new ArrayList<>();
        List<int[]> producers = new ArrayList<>();
        List<boolean[]> fast = new ArrayList<>();
        BufferedReader r = new BufferedReader(text);
        int lineNo = 0;
        for (String line; (line = r.readLine()) != null;) {
            lineNo++;
            int hash = line.indexOf('#');
            String s = (hash >= 0 ? line.substring(0, hash) : line).trim();
            if (s.isEmpty()) continue;
            String[] p = s.split("\\s+");
            Kind k = p[0].length() == 1 ? Kind.of(p[0].charAt(0)) : null;
            if (k == null) throw new IllegalArgumentException(name + ":" + lineNo + ": unknown instruction class '" + p[0] + "'");
            int[] d = new int[p.length - 1];
            boolean[] f = new boolean[p.length - 1];
            for (int i = 1; i < p.length; i++) {
                String t = p[i];
                f[i - 1] = t.endsWith("'");
                try {
                    d[i - 1] = Integer.parseInt(f[i - 1] ? t.substring(0, t.length() - 1) : t);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(name + ":" + lineNo + ": producer '" + t + "' is not a distance");
                }
                if (d[i - 1] < 1 || d[i - 1] > kinds.size())
                    throw new IllegalArgumentException(name + ":" + lineNo + ": producer " + d[i - 1] + " lies before the first instruction");
            }
            kinds.add(k);
            producers.add(d);
            fast.add(f);
        }
        byte[] b = new byte[kinds.size()];
        for (int i = 0; i < b.length; i++) b[i] = (byte) kinds.get(i).ordinal();
        return new InstructionStream(name, b, producers.toArray(int[][]::new), fast.toArray(boolean[][]::new));
    }

    public String name() {
        return name;
    }

    public int length() {
        return kinds.length;
    }

    public Kind kind(int i) {
        return KINDS[kinds[i]];
    }

    /** Distances back to the instructions whose results instruction {@code i} reads. */
    int[] producers(int i) {
        return producers[i];
    }

    /** Whether producer {@code j} of instruction {@code i} gives its result after one cycle (a written-back base). */
    boolean fastResult(int i, int j) {
        return fast[i][j];
    }

    /** How many instructions of kind {@code k} the stream has. */
    public int count(Kind k) {
        int n = 0;
        for (byte b : kinds) if (b == k.ordinal()) n++;
        return n;
    }

    @Override
    public String toString() {
        return name + " (" + kinds.length + " instructions" + Arrays.stream(KINDS).filter(k -> count(k) > 0)
                .map(k -> ", " + count(k) + " " + k.name().toLowerCase()).reduce("", String::concat) + ")";
    }
}
