package io.concurrencydb.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A client on a raw socket that misbehaves the way slow and hostile clients do: a body that stops arriving, or
 * headers sent a byte at a time. Its answer is read as the server sends it, with the time it took.
 */
public final class SlowClient implements AutoCloseable {

    private final Socket socket;
    private final long opened = System.nanoTime();

    private SlowClient(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
    }

    /** A POST that declares 1,000 body bytes and sends 13 of them; with a token when {@code token} is not null. */
    public static SlowClient stalledBody(int port, String path, String token) throws IOException {
        SlowClient client = new SlowClient(port);
        client.send("POST /" + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + (token == null ? "" : "Authorization: Bearer " + token + "\r\n")
                + "Content-Length: 1000\r\n\r\n{\"name\": \"A\",");
        return client;
    }

    /** A GET whose request line and headers have not been sent yet: {@link #drip()} sends them a byte at a time. */
    public static SlowClient slowHeaders(int port) throws IOException {
        return new SlowClient(port);
    }

    private static final byte[] HEADERS = "GET /api/products?limit=1 HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ".getBytes(
            StandardCharsets.US_ASCII);
    private int dripped;

    /** Sends the next byte of a request whose headers never end. */
    public void drip() throws IOException {
        socket.getOutputStream().write(dripped < HEADERS.length ? HEADERS[dripped] : 'x');
        socket.getOutputStream().flush();
        dripped++;
    }

    private void send(String text) throws IOException {
        socket.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
        socket.getOutputStream().flush();
    }

    /** The server's answer as far as it came within {@code limit} of opening, and when its first byte came. */
    public Answer answer(Duration limit) throws IOException {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        long first = -1;
        InputStream in = socket.getInputStream();
        byte[] chunk = new byte[4096];
        try {
            while (true) {
                long left = limit.toMillis() - Duration.ofNanos(System.nanoTime() - opened).toMillis();
                if (left <= 0) {
                    break;
                }
                socket.setSoTimeout((int) left);
                int n = in.read(chunk);
                if (n < 0) {
                    break;
                }
                if (first < 0) {
                    first = System.nanoTime() - opened;
                }
                received.write(chunk, 0, n);
                if (complete(received.toString(StandardCharsets.UTF_8))) {
                    break;
                }
            }
        } catch (SocketTimeoutException e) {
            // nothing more within the limit
        }
        return new Answer(received.toString(StandardCharsets.UTF_8), first < 0 ? null : Duration.ofNanos(first));
    }

    /** Head and body as far as Content-Length says: the answer is whole even when the connection stays open. */
    private static boolean complete(String text) {
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            return false;
        }
        for (String line : text.substring(0, end).split("\r\n")) {
            if (line.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                return text.getBytes(StandardCharsets.UTF_8).length - end - 4 >= Integer.parseInt(line.substring(15).trim());
            }
        }
        return false;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    /** What came back: the raw text (empty when nothing did) and when its first byte arrived. */
    public record Answer(String text, Duration after) {

        public int status() {
            return text.startsWith("HTTP/1.1 ") ? Integer.parseInt(text.substring(9, 12)) : -1;
        }

        public boolean header(String name, String value) {
            int end = text.indexOf("\r\n\r\n");
            return end > 0 && text.substring(0, end).toLowerCase().contains(
                    ("\r\n" + name + ": " + value).toLowerCase());
        }

        public String body() {
            int end = text.indexOf("\r\n\r\n");
            return end < 0 ? "" : text.substring(end + 4);
        }
    }
}
