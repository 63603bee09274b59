package dev.mkw.cli.experiment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.mkw.cli.CliException;

/** The README's table of claims: claim, published figure, MKW's figure, verdict; one row per claim of every experiment. */
final class ClaimsTable {
    private ClaimsTable() {}

    static String markdown(List<ExperimentReport> reports) {
        StringBuilder b = new StringBuilder("| claim | published | MKW | verdict |\n|---|---|---|---|\n");
        for (ExperimentReport r : reports) {
            for (List<String> row : r.readmeRows()) {
                b.append('|');
                for (String cell : row) b.append(' ').append(cell.replace("|", "\\|")).append(" |");
                b.append('\n');
            }
        }
        return b.toString();
    }

    /** Put {@code table} between the markers in {@code file}, replacing what was there. */
    static void replaceIn(Path file, String table, String begin, String end) throws CliException {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            int from = text.indexOf(begin), to = text.indexOf(end);
            if (from < 0 || to < from) throw new CliException(file + " has no place for the table: add the lines " + begin + " and " + end);
            Files.writeString(file, text.substring(0, from + begin.length()) + "\n" + table + text.substring(to), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CliException("cannot update " + file + ": " + e.getMessage());
        }
    }
}
