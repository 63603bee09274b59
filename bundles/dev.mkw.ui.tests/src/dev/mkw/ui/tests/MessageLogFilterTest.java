package dev.mkw.ui.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.IntStream;

import org.eclipse.swt.widgets.Table;
import org.eclipse.ui.IWorkbenchPage;
import org.junit.jupiter.api.Test;

import dev.mkw.kernel.inspect.MessageInfo;
import dev.mkw.ui.run.RunResults;
import dev.mkw.ui.run.TraceMessages;
import dev.mkw.ui.views.MessageLogView;

/**
 * The Message Log's filter over a run's messages: it searches the trace without making a
 * message per row, and must find exactly the rows whose printed cells contain the text; the
 * row a user picked stays picked through a filter and back.
 */
class MessageLogFilterTest {

    /** The cells as the Message Log prints them: cycle, from, to, message, words, kernel path. */
    private static List<String> cells(MessageInfo m) {
        return List.of(Long.toString(m.cycle()), m.from(), m.to(), m.what(), Long.toString(m.words()), m.path());
    }

    @Test
    void theFilterKeepsExactlyTheRowsWithACellContainingTheText() throws Exception {
        RunResults.Run run = ProfileViewsTest.pingPong();
        TraceMessages messages = assertInstanceOf(TraceMessages.class, run.messages(), "messages made on demand from the trace");
        MessageInfo some = messages.get(7);
        String cycleDigits = Long.toString(some.cycle()).substring(1, 4);
        for (String text : List.of(Long.toString(some.cycle()), cycleDigits, "Echo.request", some.from(), some.path(), "1", "no such text")) {
            int[] expected = IntStream.range(0, messages.size()).filter(i -> cells(messages.get(i)).stream().anyMatch(c -> c.contains(text))).toArray();
            assertArrayEquals(expected, messages.matching(text, () -> false), "rows containing \"" + text + "\"");
        }
        assertTrue(messages.matching("Echo.request", () -> false).length == 1000, "ping-pong's 1000 requests");
        assertNull(messages.matching("Echo", () -> true), "a cancelled filter has no result");
    }

    @Test
    void thePickedRowStaysPickedThroughAFilterAndBack() throws Exception {
        IWorkbenchPage page = ProfileViewsTest.page();
        MessageLogView log = (MessageLogView) page.showView(MessageLogView.ID);
        RunResults.Run run = ProfileViewsTest.pingPong();
        page.activate(log);
        Table table = log.viewer().getTable();
        UiTools.waitFor(() -> log.shownRun() == run && log.allRowsListed() && table.getItemCount() == run.messages().size(), 5000);
        int at = IntStream.range(100, run.messages().size()).filter(i -> run.messages().get(i).what().equals("Echo.request")).findFirst().orElseThrow();
        MessageInfo picked = run.messages().get(at);
        log.select(picked);
        assertEquals(at, table.getSelectionIndex());

        log.filterField().setText("Echo.request");
        UiTools.waitFor(() -> !log.filtering() && log.allRowsListed() && table.getItemCount() == 1000 && table.getSelectionIndex() >= 0, 5000);
        assertEquals(1000, table.getItemCount(), "the requests");
        assertEquals(picked, log.rowAt(table.getSelectionIndex()), "the picked request is still picked among the requests");
        assertEquals(Long.toString(picked.cycle()), table.getItem(table.getSelectionIndex()).getText(0), "and its row shows it");

        log.filterField().setText("");
        UiTools.waitFor(() -> !log.filtering() && log.allRowsListed() && table.getItemCount() == run.messages().size() && table.getSelectionIndex() >= 0, 5000);
        assertEquals(at, table.getSelectionIndex(), "back among all rows, the same message is picked");
        assertEquals(Long.toString(picked.cycle()), table.getItem(at).getText(0));
        assertEquals(Long.toString(run.messages().get(0).cycle()), table.getItem(0).getText(0), "rows made before the filter show their new element");
        UiTools.screenshot(page, log, "message-log-picked-after-filter");
    }
}
