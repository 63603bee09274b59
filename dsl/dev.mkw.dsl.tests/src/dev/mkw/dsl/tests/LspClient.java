package dev.mkw.dsl.tests;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.function.Predicate;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import dev.mkw.dsl.ide.server.MkwLanguageServer;

/**
 * A language client at the byte level: LSP messages (Content-Length header, JSON body) written
 * to and read from the server's streams, as an editor would. Notifications that arrive while
 * waiting for a response are kept, so a test can look for diagnostics afterwards.
 */
final class LspClient implements AutoCloseable {
    private final OutputStream toServer;
    private final InputStream fromServer;
    private final Future<Void> running;
    private final List<JsonObject> notifications = new ArrayList<>();
    private int nextId = 1;

    LspClient() throws IOException {
        PipedOutputStream out = new PipedOutputStream();
        PipedInputStream serverIn = new PipedInputStream(out, 1 << 16);
        PipedInputStream in = new PipedInputStream(1 << 20);
        PipedOutputStream serverOut = new PipedOutputStream(in);
        toServer = out;
        fromServer = in;
        running = MkwLanguageServer.start(serverIn, serverOut);
    }

    /** Sends a request and returns the whole response message (with "result" or "error"). */
    JsonObject request(String method, String params) throws IOException {
        int id = nextId++;
        write("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"" + method + "\",\"params\":" + params + "}");
        while (true) {
            JsonObject m = read();
            if (m.has("id") && !m.has("method") && m.get("id").getAsInt() == id) return m;
            if (m.has("method")) notifications.add(m);
        }
    }

    void notify(String method, String params) throws IOException {
        write("{\"jsonrpc\":\"2.0\",\"method\":\"" + method + "\",\"params\":" + params + "}");
    }

    /** Reads messages until a notification matching {@code p} has arrived (or was kept before). */
    JsonObject awaitNotification(Predicate<JsonObject> p) throws IOException {
        for (JsonObject n : notifications) if (p.test(n)) return n;
        while (true) {
            JsonObject m = read();
            if (m.has("method")) {
                notifications.add(m);
                if (p.test(m)) return m;
            }
        }
    }

    private void write(String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        toServer.write(("Content-Length: " + bytes.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        toServer.write(bytes);
        toServer.flush();
    }

    /** One LSP message: headers up to a blank line, then Content-Length bytes of JSON. */
    private JsonObject read() throws IOException {
        ByteArrayOutputStream header = new ByteArrayOutputStream();
        while (!header.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int b = fromServer.read();
            if (b < 0) throw new IOException("the server closed the stream");
            header.write(b);
        }
        int length = 0;
        for (String line : header.toString(StandardCharsets.US_ASCII).split("\r\n")) {
            if (line.startsWith("Content-Length:")) length = Integer.parseInt(line.substring(15).trim());
        }
        JsonElement e = JsonParser.parseString(new String(fromServer.readNBytes(length), StandardCharsets.UTF_8));
        return e.getAsJsonObject();
    }

    @Override
    public void close() {
        running.cancel(true);
    }
}
