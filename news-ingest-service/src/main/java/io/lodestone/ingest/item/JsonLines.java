package io.lodestone.ingest.item;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The lines of a JSON-lines input, read as bytes, one at a time, for the commands that take items
 * from a file or standard input ({@code import}, {@code extract}). A line is decoded on its own, so
 * a byte that is not UTF-8 spoils its line alone, not the lines after it (a reader over the whole
 * stream would stop there, or quietly turn it into U+FFFD). A line longer than {@link #MAX_LINE}
 * bytes, far more than any item the push API accepts, is skipped without being held in memory. A
 * byte-order mark before the first line, and the carriage return of CRLF line ends, are not part
 * of any line.
 */
public final class JsonLines implements AutoCloseable {

    /**
     * Longest line read, in bytes: an item at every bound of {@link ItemJson} (200,000 characters of
     * text), each character escaped in JSON as {@code \}{@code uXXXX}, fits with room to spare.
     */
    public static final int MAX_LINE = 2 * 1024 * 1024;

    /**
     * One line: its text, or why it has none.
     *
     * @param number  1 for the first line
     * @param text    the line without its end, or null when it could not be read
     * @param problem why it could not be read, or null
     * @param bytes   its length in the input, line end included
     */
    public record Line(int number, String text, String problem, long bytes) {
    }

    private final InputStream in;
    private final int maxLine;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private int number;

    public JsonLines(InputStream in) {
        this(in, MAX_LINE);
    }

    JsonLines(InputStream in, int maxLine) {
        this.in = in instanceof BufferedInputStream ? in : new BufferedInputStream(in, 64 * 1024);
        this.maxLine = maxLine;
    }

    /** The next line, or null at the end of the input. */
    public Line next() throws IOException {
        buffer.reset();
        long bytes = 0;
        boolean tooLong = false;
        int b;
        while ((b = in.read()) != -1 && b != '\n') {
            bytes++;
            if (buffer.size() < maxLine) {
                buffer.write(b);
            } else {
                tooLong = true;
            }
        }
        if (b == -1 && bytes == 0) {
            return null;
        }
        number++;
        if (b == '\n') {
            bytes++;
        }
        if (tooLong) {
            return new Line(number, null, "longer than " + maxLine + " bytes (" + bytes + "); skipped unread", bytes);
        }
        byte[] raw = buffer.toByteArray();
        int start = number == 1 && raw.length >= 3 && (raw[0] & 0xff) == 0xef && (raw[1] & 0xff) == 0xbb
                && (raw[2] & 0xff) == 0xbf ? 3 : 0;
        int end = raw.length > start && raw[raw.length - 1] == '\r' ? raw.length - 1 : raw.length;
        ByteBuffer encoded = ByteBuffer.wrap(raw, start, end - start);
        CharBuffer decoded = CharBuffer.allocate(end - start);
        utf8.reset();
        CoderResult result = utf8.decode(encoded, decoded, true);
        if (!result.isError()) {
            result = utf8.flush(decoded);
        }
        if (result.isError()) {
            return new Line(number, null, "not valid UTF-8 at byte " + (encoded.position() - start + 1)
                    + " of the line; skipped", bytes);
        }
        return new Line(number, decoded.flip().toString(), null, bytes);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
