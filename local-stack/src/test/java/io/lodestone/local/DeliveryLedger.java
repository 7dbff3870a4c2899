package io.lodestone.local;

import io.lodestone.testsupport.RecordedRequest;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a receiver saw, read the way a receiver that remembers ids would read it: calls grouped by
 * delivery id (webhook-id, or the email's X-Lodestone-Delivery header). The same id twice is a
 * redelivery a receiver ignores; the same alert firing under two different ids is a duplicate a
 * receiver cannot recognise, which the system promises never to send.
 */
final class DeliveryLedger {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern FIRED_LINE = Pattern.compile("(?m)^([A-Z][a-z]?) \\([^)]*\\): [A-Z]+ \\(fired\\)\\s*$");

    /** Element → the distinct delivery ids that announced it firing. */
    private final Map<String, Set<String>> firedUnder = new TreeMap<>();
    /** Element → when the first announcement arrived. */
    private final Map<String, Instant> firstArrival = new HashMap<>();
    /** Element → the event ids named as its evidence when it fired. */
    private final Map<String, Set<String>> evidence = new HashMap<>();
    private final Set<String> ids = new TreeSet<>();
    private int calls;
    private int badSignatures;

    /** Reads webhook calls, checking each Standard Webhooks signature against {@code secret}. */
    static DeliveryLedger ofWebhooks(List<RecordedRequest> requests, String secret) throws GeneralSecurityException {
        DeliveryLedger ledger = new DeliveryLedger();
        for (RecordedRequest call : requests) {
            ledger.calls++;
            String id = call.header("webhook-id");
            ledger.ids.add(id);
            if (!signatureVerifies(call, secret)) {
                ledger.badSignatures++;
            }
            for (JsonNode alert : JSON.readTree(call.body()).path("data").path("alerts")) {
                if ("FIRED".equals(alert.path("change").asString())) {
                    String element = alert.path("element").asString();
                    ledger.announce(element, id, call.receivedAt());
                    alert.path("evidence").forEach(e -> ledger.evidence.computeIfAbsent(element, k -> new TreeSet<>())
                            .add(e.path("eventId").asString()));
                }
            }
        }
        return ledger;
    }

    /** Reads the caught mails (.eml files) of the mail catcher. */
    static DeliveryLedger ofMails(Path folder) throws IOException, MessagingException {
        DeliveryLedger ledger = new DeliveryLedger();
        List<Path> mails;
        try (Stream<Path> files = Files.list(folder)) {
            mails = files.filter(p -> p.toString().endsWith(".eml")).sorted().toList();
        }
        for (Path file : mails) {
            MimeMessage mail;
            try (InputStream in = Files.newInputStream(file)) {
                mail = new MimeMessage(null, in);
            }
            ledger.calls++;
            String[] header = mail.getHeader("X-Lodestone-Delivery");
            String id = header == null ? file.getFileName().toString() : header[0];
            ledger.ids.add(id);
            Instant arrived = Files.getLastModifiedTime(file).toInstant();
            Matcher fired = FIRED_LINE.matcher(plainText(mail));
            while (fired.find()) {
                ledger.announce(fired.group(1), id, arrived);
            }
        }
        return ledger;
    }

    private void announce(String element, String id, Instant at) {
        firedUnder.computeIfAbsent(element, k -> new TreeSet<>()).add(id);
        firstArrival.merge(element, at, (a, b) -> a.isBefore(b) ? a : b);
    }

    Set<String> firedElements() {
        return firedUnder.keySet();
    }

    /** Elements announced firing under more than one delivery id. */
    Map<String, Set<String>> duplicatesUnderDifferentIds() {
        Map<String, Set<String>> duplicates = new TreeMap<>();
        firedUnder.forEach((element, under) -> {
            if (under.size() > 1) {
                duplicates.put(element, under);
            }
        });
        return duplicates;
    }

    /** Calls beyond the first for the same delivery id: at-least-once redeliveries, harmless to a receiver. */
    int redeliveriesUnderSameId() {
        return calls - ids.size();
    }

    int distinctDeliveries() {
        return ids.size();
    }

    int badSignatures() {
        return badSignatures;
    }

    Instant firstArrival(String element) {
        return firstArrival.get(element);
    }

    Set<String> evidence(String element) {
        return evidence.getOrDefault(element, Set.of());
    }

    static boolean signatureVerifies(RecordedRequest call, String secret) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        mac.update((call.header("webhook-id") + "." + call.header("webhook-timestamp") + ".").getBytes(StandardCharsets.UTF_8));
        byte[] expected = ("v1," + Base64.getEncoder().encodeToString(mac.doFinal(call.body()))).getBytes(StandardCharsets.UTF_8);
        String header = call.header("webhook-signature");
        return header != null && List.of(header.split(" ")).stream()
                .anyMatch(candidate -> MessageDigest.isEqual(candidate.getBytes(StandardCharsets.UTF_8), expected));
    }

    private static String plainText(Part part) throws IOException, MessagingException {
        if (part.isMimeType("text/plain")) {
            return String.valueOf(part.getContent());
        }
        if (part.getContent() instanceof Multipart multipart) {
            List<String> texts = new ArrayList<>();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                texts.add(plainText(child));
            }
            return String.join("\n", texts);
        }
        return "";
    }
}
