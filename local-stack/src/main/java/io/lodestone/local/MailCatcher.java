package io.lodestone.local;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Catches every mail the alert service sends: a real SMTP server (GreenMail) that accepts any
 * recipient, writes each message as an {@code .eml} file under the data folder, and lists them on
 * a small web page, so a newcomer sees real alerts without configuring a mail account.
 */
final class MailCatcher {

    private final StackSettings settings;
    private final Path folder;
    private GreenMail smtp;
    private HttpServer web;
    private ScheduledExecutorService saver;
    private int saved;
    private int named;

    MailCatcher(StackSettings settings) {
        this.settings = settings;
        this.folder = settings.dataDir().resolve("mail");
    }

    Path folder() {
        return folder;
    }

    void start() throws IOException {
        Files.createDirectories(folder);
        startSmtp();
        saver = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "mail-saver");
            thread.setDaemon(true);
            return thread;
        });
        saver.scheduleWithFixedDelay(this::saveNew, 1, 1, TimeUnit.SECONDS);
        web = HttpServer.create(new InetSocketAddress("127.0.0.1", settings.mailWebPort()), 0);
        web.createContext("/", this::serve);
        web.start();
    }

    /** Starts (or starts again) the SMTP server; mail caught before a stop stays saved. */
    synchronized void startSmtp() {
        smtp = new GreenMail(new ServerSetup(settings.smtpPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        saved = 0;
    }

    /** Stops the SMTP server only, after saving what it caught; the web page stays up. */
    synchronized void stopSmtp() {
        if (smtp != null) {
            saveNew();
            smtp.stop();
            smtp = null;
        }
    }

    private synchronized void saveNew() {
        if (smtp == null) {
            return;
        }
        MimeMessage[] received = smtp.getReceivedMessages();
        for (; saved < received.length; saved++) {
            String name = DateTimeFormatter.ISO_INSTANT.format(Instant.now()).replace(':', '-') + "-" + named++ + ".eml";
            try (OutputStream out = Files.newOutputStream(folder.resolve(name))) {
                received[saved].writeTo(out);
            } catch (IOException | MessagingException e) {
                System.err.println("could not save a caught mail: " + e.getMessage());
            }
        }
    }

    private void serve(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        List<Path> mails = mails();
        if (path.startsWith("/mail/")) {
            String name = path.substring("/mail/".length());
            Path mail = mails.stream().filter(p -> p.getFileName().toString().equals(name)).findFirst().orElse(null);
            if (mail == null) {
                reply(exchange, 404, "text/plain", "no such mail");
            } else {
                reply(exchange, 200, "text/plain; charset=utf-8", Files.readString(mail, StandardCharsets.ISO_8859_1));
            }
            return;
        }
        StringBuilder page = new StringBuilder("<!doctype html><meta charset=utf-8><title>Lodestone mail</title>"
                + "<h1>Mail caught by the local stack</h1><p>" + mails.size() + " message(s), newest first, saved in "
                + escape(folder.toString()) + "</p><ul>");
        for (Path mail : mails) {
            String name = mail.getFileName().toString();
            page.append("<li><a href=\"/mail/").append(escape(name)).append("\">").append(escape(subjectOf(mail)))
                    .append("</a> <small>").append(escape(name)).append("</small></li>");
        }
        reply(exchange, 200, "text/html; charset=utf-8", page.append("</ul>").toString());
    }

    private List<Path> mails() throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.toString().endsWith(".eml"))
                    .sorted(Comparator.comparing(Path::getFileName).reversed()).toList();
        }
    }

    private static String subjectOf(Path mail) {
        try (InputStream in = Files.newInputStream(mail)) {
            String subject = new MimeMessage(null, in).getSubject();
            return subject == null ? "(no subject)" : subject;
        } catch (IOException | MessagingException e) {
            return "(unreadable)";
        }
    }

    private static void reply(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    void stop() {
        if (saver != null) {
            saveNew();
            saver.shutdownNow();
        }
        if (web != null) {
            web.stop(0);
        }
        stopSmtp();
    }
}
