package dev.mkw.sim.tests;

import java.util.ArrayList;
import java.util.List;

/** A strict RFC 4180 reader: CRLF records, quoted fields with doubled quotes; throws on anything else. */
final class MiniCsv {
    private MiniCsv() {}

    static List<List<String>> parse(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        int i = 0;
        boolean fieldStart = true;
        boolean closedQuote = false;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (fieldStart && c == '"') {
                i++;
                while (true) {
                    if (i >= text.length()) throw new IllegalArgumentException("unterminated quoted field");
                    char q = text.charAt(i++);
                    if (q == '"') {
                        if (i < text.length() && text.charAt(i) == '"') { f.append('"'); i++; }
                        else break;
                    } else {
                        f.append(q);
                    }
                }
                fieldStart = false;
                closedQuote = true;
                continue;
            }
            if (closedQuote && c != ',' && c != '\r') {
                throw new IllegalArgumentException("text after a closing quote at " + i);
            }
            if (c == ',') {
                row.add(f.toString());
                f.setLength(0);
                fieldStart = true;
                closedQuote = false;
                i++;
            } else if (c == '\r') {
                if (i + 1 >= text.length() || text.charAt(i + 1) != '\n') throw new IllegalArgumentException("CR without LF at " + i);
                row.add(f.toString());
                f.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                fieldStart = true;
                closedQuote = false;
                i += 2;
            } else if (c == '\n' || c == '"') {
                throw new IllegalArgumentException("bare " + (c == '"' ? "quote" : "LF") + " at " + i);
            } else {
                f.append(c);
                fieldStart = false;
                i++;
            }
        }
        if (!row.isEmpty() || f.length() > 0) throw new IllegalArgumentException("last record lacks CRLF");
        return rows;
    }
}
