package io.lodestone.alert.notify.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * A mail server on loopback that trickles its greeting one byte every 300 ms: JavaMail's per-read
 * timeout (here 2 s) never trips, so without a deadline one message would hold a sending slot for
 * as long as the server likes. With it, the attempt fails once the deadline has passed.
 */
class DeadlineSocketFactoryTest {

    private final ServerSocket server = listen();
    private final Thread trickle = started(new Thread(this::trickleForever, "trickling-smtp"));

    @AfterEach
    void stop() throws IOException {
        trickle.interrupt();
        server.close();
    }

    @Test
    void aServerThatTricklesItsGreetingFailsTheAttemptAtTheDeadline() {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(server.getLocalPort());
        Properties timeouts = new Properties();
        timeouts.put("mail.smtp.connectiontimeout", "2000");
        timeouts.put("mail.smtp.timeout", "2000");
        sender.setJavaMailProperties(timeouts);
        DeadlineSocketFactory.install(sender, Duration.ofSeconds(2));
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom("alerts@lodestone.example");
        message.setTo("buyer@example.com");
        message.setSubject("Dy HIGH");
        message.setText("Dysprosium is HIGH.");

        long started = System.nanoTime();
        assertTimeoutPreemptively(Duration.ofSeconds(20), () ->
                assertThatThrownBy(() -> sender.send(message)).isInstanceOf(MailException.class));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(8));
    }

    private void trickleForever() {
        try (Socket client = server.accept(); OutputStream out = client.getOutputStream()) {
            for (byte b : "220 slow.example ESMTP ".repeat(1_000).getBytes(StandardCharsets.US_ASCII)) {
                out.write(b);
                out.flush();
                Thread.sleep(300);
            }
        } catch (IOException | InterruptedException e) {
            // the client gave up or the test ended
        }
    }

    private static Thread started(Thread thread) {
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static ServerSocket listen() {
        try {
            return new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
