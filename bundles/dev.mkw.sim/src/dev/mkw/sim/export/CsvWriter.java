package dev.mkw.sim.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

/**
 * RFC 4180 CSV: records end in CRLF; a field holding a comma, a double quote, CR or LF is
 * enclosed in double quotes, and its double quotes are doubled. Leading or trailing
 * spaces are quoted too, since spreadsheet programs trim unquoted ones.
 */
public final class CsvWriter {
    private final Writer out;

    public CsvWriter(Writer out) { this.out = out; }

    public CsvWriter row(List<String> fields) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) b.append(',');
            b.append(field(fields.get(i)));
        }
        b.append("\r\n");
        try {
            out.write(b.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public CsvWriter row(String... fields) { return row(java.util.Arrays.asList(fields)); }

    /** One field, quoted if it needs to be. Null is written as an empty field. */
    public static String field(String s) {
        if (s == null || s.isEmpty()) return "";
        boolean quote = s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0
                || s.charAt(0) == ' ' || s.charAt(s.length() - 1) == ' ';
        return quote ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }

    public void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
