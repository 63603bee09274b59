package dev.mkw.dsl.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.xtext.validation.Issue;

/**
 * Quick-fix data for editors: the generic IDE layer has no quick-fix API, so the validator
 * puts replacement texts into each fixable issue's data and this class turns them into plain
 * text edits a UI (Eclipse editor, LSP code action) applies to the flagged range.
 */
public final class IssueFixes {
    private IssueFixes() {}

    /** Replace {@code length} characters at {@code offset} by {@code replacement}; {@code label} is what a menu shows. */
    public record Fix(String label, int offset, int length, String replacement) {
        public String applyTo(String text) {
            return text.substring(0, offset) + replacement + text.substring(offset + length);
        }
    }

    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry(IssueCodes.UNKNOWN_PRESET, "Change to preset '%s'"),
            Map.entry(IssueCodes.UNKNOWN_POLICY, "Change to scheduler policy '%s'"),
            Map.entry(IssueCodes.UNKNOWN_VARIANT, "Change to '%s'"),
            Map.entry(IssueCodes.PRIORITY_RANGE, "Change the priority to %s"),
            Map.entry(IssueCodes.ALIGNMENT, "Align the base down to %s"),
            Map.entry(IssueCodes.FPAGE_SIZE, "Round the size up to %s"),
            Map.entry(IssueCodes.FPAGE_ALIGNMENT, "Align the base down to %s"),
            Map.entry(IssueCodes.NO_PAGER, "Give the task the root pager: '%s'"),
            Map.entry(IssueCodes.TIMEOUT_RANGE, "Use timeout %s"),
            Map.entry(IssueCodes.NEVER_RUNS, "Bind the thread to cpu %s"),
            Map.entry(IssueCodes.ONE_CPU, "Use cpus %s"),
            Map.entry(IssueCodes.RANDOM_RANGE, "Swap the bounds: %s"),
            Map.entry(IssueCodes.UNKNOWN_FIELD, "Change to %s"),
            Map.entry(IssueCodes.FPAGE_TOO_LARGE, "Change the size to %s"),
            Map.entry(IssueCodes.UNBOUND_MESSAGE, "Reply to '%s'"));

    /** Whether {@link #fixes} can offer something for issues with this code. */
    public static boolean isFixable(String code) {
        return LABELS.containsKey(code);
    }

    /** The fixes of one issue (empty when there is no obvious one). */
    public static List<Fix> fixes(Issue issue) {
        return fixes(issue.getCode(), issue.getOffset() == null ? -1 : issue.getOffset(), issue.getLength() == null ? 0 : issue.getLength(), issue.getData());
    }

    public static List<Fix> fixes(String code, int offset, int length, String[] data) {
        List<Fix> fixes = new ArrayList<>();
        String label = code == null ? null : LABELS.get(code);
        if (label == null || offset < 0 || data == null) return fixes;
        for (String replacement : data) fixes.add(new Fix(String.format(label, replacement), offset, length, replacement));
        return fixes;
    }
}
