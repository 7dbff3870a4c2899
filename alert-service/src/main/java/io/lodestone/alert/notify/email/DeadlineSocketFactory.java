package io.lodestone.alert.notify.email;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Properties;
import javax.net.SocketFactory;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Sockets for SMTP that end the whole exchange at a deadline. JavaMail's timeouts are per read and
 * per write: a server that trickles its greeting one byte every few seconds never trips them, and
 * holds a sending slot for as long as it likes. A socket from this factory counts from its
 * connection: every read waits at most for what is left of the deadline, and once it has passed,
 * reading fails as a timeout does. JavaMail connects anew for each message, so the deadline is
 * per message.
 */
final class DeadlineSocketFactory extends SocketFactory {

    static final String PROPERTY = "mail.smtp.socketFactory";

    private final Duration deadline;

    DeadlineSocketFactory(Duration deadline) {
        this.deadline = deadline;
    }

    /** Makes every SMTP connection of the sender end at the deadline (a new session is made from it). */
    static void install(JavaMailSenderImpl sender, Duration deadline) {
        Properties properties = sender.getJavaMailProperties();
        properties.put(PROPERTY, new DeadlineSocketFactory(deadline));
        sender.setJavaMailProperties(properties);
    }

    @Override
    public Socket createSocket() {
        return new DeadlineSocket(deadline);
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return connected(new InetSocketAddress(host, port), null);
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return connected(new InetSocketAddress(host, port), new InetSocketAddress(localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return connected(new InetSocketAddress(host, port), null);
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
        return connected(new InetSocketAddress(address, port), new InetSocketAddress(localAddress, localPort));
    }

    private Socket connected(SocketAddress remote, SocketAddress local) throws IOException {
        Socket socket = createSocket();
        if (local != null) {
            socket.bind(local);
        }
        socket.connect(remote);
        return socket;
    }

    /** A socket whose reads end at its deadline, counted from the connection. */
    static final class DeadlineSocket extends Socket {

        private final Duration deadline;
        private volatile long endsAtNanos;
        private InputStream in;

        DeadlineSocket(Duration deadline) {
            this.deadline = deadline;
        }

        @Override
        public void connect(SocketAddress endpoint, int timeout) throws IOException {
            endsAtNanos = System.nanoTime() + deadline.toNanos();
            int left = (int) Math.max(1, Math.min(Integer.MAX_VALUE, deadline.toMillis()));
            super.connect(endpoint, timeout <= 0 ? left : Math.min(timeout, left));
        }

        @Override
        public synchronized InputStream getInputStream() throws IOException {
            if (in == null) {
                in = new FilterInputStream(super.getInputStream()) {
                    @Override
                    public int read() throws IOException {
                        waitAtMostWhatIsLeft();
                        return super.read();
                    }

                    @Override
                    public int read(byte[] buffer, int offset, int length) throws IOException {
                        waitAtMostWhatIsLeft();
                        return super.read(buffer, offset, length);
                    }
                };
            }
            return in;
        }

        private void waitAtMostWhatIsLeft() throws IOException {
            long leftMillis = (endsAtNanos - System.nanoTime()) / 1_000_000;
            if (leftMillis <= 0) {
                throw new SocketTimeoutException("the SMTP exchange did not end within " + deadline);
            }
            int perRead = getSoTimeout();
            setSoTimeout((int) Math.min(perRead <= 0 ? Integer.MAX_VALUE : perRead, Math.min(Integer.MAX_VALUE, leftMillis)));
        }
    }
}
