package dev.mkw.kernel.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.mkw.kernel.PathLengths;

/** Every cost constant of the kernel and its user level has its row, with a source or "estimate", in docs/cost-model.md. */
class CostModelDocumentedTest {

    private static String costModel() throws Exception {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.exists(p.resolve("docs/cost-model.md"))) p = p.getParent();
        assertTrue(p != null, "docs/cost-model.md found above " + Path.of("").toAbsolutePath());
        return Files.readString(p.resolve("docs/cost-model.md"));
    }

    @Test
    void everyPathLengthHasItsRow() throws Exception {
        String doc = costModel();
        List<String> missing = new ArrayList<>();
        int checked = 0;
        for (Field f : PathLengths.class.getDeclaredFields()) {
            if (!Modifier.isStatic(f.getModifiers()) || f.getType() != int.class) continue;
            checked++;
            String row = "`PathLengths." + f.getName() + "`";
            if (!doc.contains(row)) missing.add(row);
        }
        assertTrue(checked >= 9, "found the path lengths: " + checked);
        assertEquals(List.of(), missing, "rows missing in docs/cost-model.md");
    }

    @Test
    void everyBaselineCodeBlockHasItsRow() throws Exception {
        String doc = costModel();
        List<String> missing = new ArrayList<>();
        for (dev.mkw.kernel.baseline.BaselineCode c : dev.mkw.kernel.baseline.BaselineCode.values()) {
            String row = "| `BaselineCode." + c.name() + "` | " + c.instructions() + " instructions";
            if (!doc.contains(row)) missing.add(row);
        }
        assertEquals(List.of(), missing, "rows (with the block's count) missing in docs/cost-model.md");
    }

    @Test
    void theOtherConstantsHaveTheirRows() throws Exception {
        String doc = costModel();
        for (String row : List.of("`Sigma0.HANDLER_INSTRUCTIONS`", "`UserMode.IO_INSTRUCTION_CYCLES`", "`dev.mkw.user.ScenarioThread.BYTES_PER_OPERATION`",
                "`dev.mkw.kernel.abi.Abi#codeBytesPerInstruction`", "`BRANCH_TAKEN`", "`SYSTEM_REGISTER`", "IPC fast-path instructions",
                "`dev.mkw.kernel.abi.CountedPath`", "`REGISTER_SAVE` / `REGISTER_RESTORE` on ARMv7",
                "`IssueModel` pipelines", "`IssueModel.MULTI_CYCLE_LATENCY` | " + dev.mkw.hw.sim.IssueModel.MULTI_CYCLE_LATENCY + " cycles", "counted paths' instruction streams")) {
            assertTrue(doc.contains(row), row + " has no row in docs/cost-model.md");
        }
        // Every row says where its number comes from, or that it is an estimate.
        for (String line : doc.lines().filter(l -> l.startsWith("| `") || l.startsWith("| IPC") || l.startsWith("| kernel") || l.startsWith("| user")).toList()) {
            String source = line.substring(line.lastIndexOf('|', line.length() - 2));
            assertTrue(source.length() > 4, "a row without its source: " + line);
        }
    }
}
