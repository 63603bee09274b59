package dev.mkw.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;

/** The language server behind {@code mkw lsp} answers an LSP initialize request over a byte stream. */
class LanguageServerTest {

    @Test
    void answersInitializeWithItsCapabilities(@TempDir Path workspace) throws Exception {
        try (LspClient client = new LspClient()) {
            JsonObject reply = client.request("initialize", "{\"processId\":null,\"rootUri\":\"" + workspace.toUri() + "\",\"capabilities\":{}}");
            assertEquals(1, reply.get("id").getAsInt(), reply::toString);
            assertTrue(reply.getAsJsonObject("result").getAsJsonObject("capabilities").has("completionProvider"), "announces completion: " + reply);
        }
    }
}
