package dev.mkw.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.mkw.dsl.ide.server.MkwLanguageServer;

/** The language server behind {@code mkw lsp} answers an LSP initialize request over a byte stream. */
class LanguageServerTest {

    @Test
    void answersInitializeWithItsCapabilities(@TempDir Path workspace) throws Exception {
        PipedOutputStream toServer = new PipedOutputStream();
        PipedInputStream serverIn = new PipedInputStream(toServer, 1 << 16);
        PipedInputStream fromServer = new PipedInputStream(1 << 16);
        PipedOutputStream serverOut = new PipedOutputStream(fromServer);
        Future<Void> running = MkwLanguageServer.start(serverIn, serverOut);
        String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"processId\":null,\"rootUri\":\"" + workspace.toUri() + "\",\"capabilities\":{}}}";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        toServer.write(("Content-Length: " + bytes.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        toServer.write(bytes);
        toServer.flush();
        String reply = readMessage(fromServer);
        assertTrue(reply.contains("\"id\":1") || reply.contains("\"id\": 1"), reply);
        assertTrue(reply.contains("completionProvider"), "announces completion: " + reply);
        running.cancel(true);
    }

    /** One LSP message: headers up to a blank line, then Content-Length bytes. */
    private static String readMessage(InputStream in) throws Exception {
        ByteArrayOutputStream header = new ByteArrayOutputStream();
        while (!header.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) throw new IllegalStateException("the server closed the stream");
            header.write(b);
        }
        int length = 0;
        for (String line : header.toString(StandardCharsets.US_ASCII).split("\r\n")) {
            if (line.startsWith("Content-Length:")) length = Integer.parseInt(line.substring(15).trim());
        }
        byte[] body = in.readNBytes(length);
        return new String(body, StandardCharsets.UTF_8);
    }
}
