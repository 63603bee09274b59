package dev.mkw.dsl.ui.wizard;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The starting points the wizard offers: four of the examples (copied into the bundle's
 * templates/ folder at build time), each a complete, valid scenario of one kind of experiment.
 */
public final class ScenarioTemplates {
    private ScenarioTemplates() {}

    public record Template(String id, String label, String description) {
        /** The example's text with its scenario title replaced by {@code title}. */
        public String instantiate(String title) {
            Matcher m = TITLE.matcher(text());
            if (!m.find()) return text();
            return text().substring(0, m.start(1)) + title + text().substring(m.end(1));
        }

        public String text() {
            try (InputStream in = ScenarioTemplates.class.getResourceAsStream("/templates/" + id + ".mkw")) {
                if (in == null) throw new IllegalStateException("template " + id + " missing from the bundle");
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The title after the first {@code scenario} keyword at the start of a line (comments above it are kept). */
    private static final Pattern TITLE = Pattern.compile("(?m)^scenario\\s+([A-Za-z_][A-Za-z0-9_]*)");

    public static final List<Template> ALL = List.of(
            new Template("ping-pong", "Ping-pong IPC", "Short IPC round trips between two address spaces"),
            new Template("irq-driver", "IRQ driver", "A user-level UART driver receiving interrupts as IPC"),
            new Template("pager-dataspace", "User-level pager", "A pager serving page faults with map items"),
            new Template("capabilities", "Capabilities", "IPC gates, badges, capability transfer and revocation"));

    public static Template byId(String id) {
        return ALL.stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow(() -> new IllegalArgumentException("no template " + id));
    }

    /** A scenario title (an ID) from a file name: {@code my-irq test.mkw} gives {@code MyIrqTest}. */
    public static String titleFor(String fileName) {
        String base = fileName.endsWith(".mkw") ? fileName.substring(0, fileName.length() - 4) : fileName;
        StringBuilder b = new StringBuilder();
        for (String part : base.split("[^A-Za-z0-9]+")) {
            if (part.isEmpty()) continue;
            b.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        if (b.isEmpty() || !Character.isLetter(b.charAt(0))) b.insert(0, "Scenario");
        return b.toString();
    }
}
