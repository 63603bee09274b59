package dev.mkw.dsl;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A scenario file's bytes as text: UTF-8 without NUL characters. Anything else (an image, a
 * compiled program, a file in another encoding) is refused with the line and column of the
 * first byte that is not text, so the message points into the file rather than at 0:0.
 */
final class TextFile {
    /** The text, or the problem and where it starts (1-based line and column). */
    record Decoded(String text, String problem, int line, int column) {}

    private TextFile() {}

    static Decoded decode(byte[] bytes) {
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        var result = utf8.decode(in, out, true);
        if (result.isError()) {
            int at = in.position();
            return at(bytes, at, String.format("byte 0x%02x is not UTF-8 text (is it a binary file?)", bytes[at] & 0xff));
        }
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) return at(bytes, i, "it contains a NUL byte (is it a binary file?)");
        }
        try {
            return new Decoded(StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString(), null, 0, 0);
        } catch (CharacterCodingException e) {
            return at(bytes, 0, "it is not UTF-8 text");
        }
    }

    /** The line and column of byte {@code offset} (columns count bytes on the line, as the bytes are not text). */
    private static Decoded at(byte[] bytes, int offset, String problem) {
        int line = 1, lineStart = 0;
        for (int i = 0; i < offset && i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new Decoded(null, problem, line, offset - lineStart + 1);
    }
}
