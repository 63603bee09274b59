package dev.mkw.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * {@code mkw lsp} over a byte stream with a workspace folder of two files, one importing the
 * other: references and rename reach the file that is not open, through the import.
 */
@Timeout(120)
class WorkspaceLanguageServerTest {
    static final String LIB = """
            scenario Lib
            protocol Echo { request label 1 words 2   response label 2 words 2 }
            task server {
                thread pong priority 100 {
                    wait any as req : Echo.request
                    reply req Echo.response words (0, 0)
                }
            }
            """;
    static final String MAIN = """
            import "lib.mkw"
            scenario Main
            task client {
                thread ping priority 100 {
                    call server.pong Echo.request words (1, 2) as answer
                }
            }
            run until all-done
            """;

    @Test
    void referencesAndRenameCrossTheImport(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("lib.mkw"), LIB);
        Files.writeString(dir.resolve("main.mkw"), MAIN);
        String lib = uri(dir.resolve("lib.mkw")), main = uri(dir.resolve("main.mkw"));
        try (LspClient client = new LspClient()) {
            JsonObject init = client.request("initialize", "{\"processId\":null,\"rootUri\":null,\"capabilities\":{\"workspace\":{\"workspaceFolders\":true}},"
                    + "\"workspaceFolders\":[{\"uri\":\"" + uri(dir) + "\",\"name\":\"ws\"}]}");
            JsonObject caps = init.getAsJsonObject("result").getAsJsonObject("capabilities");
            assertTrue(caps.has("referencesProvider") && caps.has("renameProvider"), caps::toString);
            client.notify("initialized", "{}");
            // The workspace build publishes diagnostics for every file, open or not: main.mkw has none.
            JsonObject diag = client.awaitNotification(n -> n.get("method").getAsString().equals("textDocument/publishDiagnostics")
                    && n.getAsJsonObject("params").get("uri").getAsString().equals(main));
            assertEquals(0, diag.getAsJsonObject("params").getAsJsonArray("diagnostics").size(), diag::toString);

            // References of the thread pong, asked at its declaration in lib.mkw: the declaration and main.mkw's server.pong.
            JsonObject refs = client.request("textDocument/references", position(lib, LIB, "pong") + ",\"context\":{\"includeDeclaration\":true}}");
            List<String> found = locations(refs.getAsJsonArray("result"));
            assertEquals(List.of(lib + "@3:11", main + "@4:20"), found, refs::toString);

            // References of the protocol message Echo.request, asked in main.mkw: both uses and the declaration.
            JsonObject msgRefs = client.request("textDocument/references", position(main, MAIN, "request") + ",\"context\":{\"includeDeclaration\":false}}");
            assertEquals(List.of(lib + "@4:31", main + "@4:30"), locations(msgRefs.getAsJsonArray("result")), msgRefs::toString);

            // Rename the task server, asked on the qualifier of server.pong in main.mkw: both files change.
            JsonObject rename = client.request("textDocument/rename", position(main, MAIN, "server") + ",\"newName\":\"echo\"}");
            JsonObject changes = rename.getAsJsonObject("result").getAsJsonObject("changes");
            assertEquals(List.of(lib + "@2:5", main + "@4:13"), edits(changes, "echo"), changes::toString);

            // A keyword is refused with a message, not applied.
            JsonObject refused = client.request("textDocument/rename", position(lib, LIB, "pong") + ",\"newName\":\"thread\"}");
            assertTrue(refused.has("error") && refused.getAsJsonObject("error").get("message").getAsString().contains("keyword"), refused::toString);
        }
    }

    private static String uri(Path p) {
        // The server spells file URIs file:///..., as LSP clients do.
        return p.toUri().toString().replaceFirst("^file:/(?!/)", "file:///").replaceAll("/$", "");
    }

    /** The params prefix of a text-document position request at the first occurrence of {@code word}. */
    private static String position(String uri, String text, String word) {
        int at = text.indexOf(word);
        int line = (int) text.substring(0, at).chars().filter(c -> c == '\n').count();
        int col = at - (text.lastIndexOf('\n', at) + 1);
        return "{\"textDocument\":{\"uri\":\"" + uri + "\"},\"position\":{\"line\":" + line + ",\"character\":" + (col + 1) + "}";
    }

    private static List<String> locations(JsonArray a) {
        List<String> out = new ArrayList<>();
        for (JsonElement e : a) {
            JsonObject o = e.getAsJsonObject();
            JsonObject start = o.getAsJsonObject("range").getAsJsonObject("start");
            out.add(o.get("uri").getAsString() + "@" + start.get("line").getAsInt() + ":" + start.get("character").getAsInt());
        }
        return out;
    }

    private static List<String> edits(JsonObject changes, String newText) {
        List<String> out = new ArrayList<>();
        for (String file : changes.keySet().stream().sorted().toList()) {
            for (JsonElement e : changes.getAsJsonArray(file)) {
                JsonObject edit = e.getAsJsonObject();
                assertEquals(newText, edit.get("newText").getAsString());
                JsonObject start = edit.getAsJsonObject("range").getAsJsonObject("start");
                out.add(file + "@" + start.get("line").getAsInt() + ":" + start.get("character").getAsInt());
            }
        }
        return out;
    }
}
