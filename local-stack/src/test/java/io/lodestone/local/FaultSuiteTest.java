package io.lodestone.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lodestone.events.Element;
import io.lodestone.events.Elements;
import io.lodestone.local.FaultPlan.Scenario;
import io.lodestone.testsupport.RecordingHttpServer;
import io.lodestone.testsupport.StallingHttpServer;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The reliability promise, checked by hurting the real stack while items flow: every item the
 * push API accepted is scored, every alert it raises is delivered to each channel, and none is
 * announced twice under different delivery ids — whatever dies on the way. Each phase pushes a
 * batch of distinct items and, a third of the way in, does one thing to the stack:
 * <ol>
 *   <li>kill -9 news-ingest-service, then start it again;</li>
 *   <li>kill -9 risk-scoring-service, then start it again;</li>
 *   <li>kill -9 alert-service, then start it again;</li>
 *   <li>restart the Kafka broker;</li>
 *   <li>stop PostgreSQL for a while;</li>
 *   <li>stop the SMTP server for a while;</li>
 * </ol>
 * and finally one webhook receiver stalls after its headers while another subscription's webhook
 * must still arrive in time. The figures (accepted, scored, lost, delivered, duplicated, delays)
 * are written to {@code target/fault-report-<plan>.md} before anything is asserted, so a failing
 * run still says what it saw. Reduced by default; {@code -Dfaults=full} for the full plan.
 */
class FaultSuiteTest {

    private static final String SECRET = "whsec_" + Base64.getEncoder().encodeToString(
            "lodestone-fault-suite-signing-key".getBytes(StandardCharsets.UTF_8));
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> SERVICES = List.of("news-ingest-service", "risk-scoring-service", "alert-service");
    private static final Set<String> ALERTING_LEVELS = Set.of("HIGH", "SEVERE");
    private static final int PHASES = Scenario.values().length - 1;

    private final FaultPlan plan = FaultPlan.chosen();
    private final DistinctItems items = new DistinctItems(20261130L);
    private final List<Element> elements = Elements.all();
    private final List<PhaseFigures> phases = new ArrayList<>();
    private final Map<String, String> report = new LinkedHashMap<>();
    private int phaseNumber;
    private List<ItemPusher.Pushed> allAccepted = List.of();

    /** Something done to the stack. */
    private interface Fault {
        void inject(LocalStack stack) throws Exception;
    }

    /** One phase's batch, what the push API said of it, and how long until all of it was scored. */
    private record PhaseFigures(String name, List<ItemPusher.Pushed> batch, String caughtUp) {

        long accepted() {
            return batch.stream().filter(ItemPusher.Pushed::accepted).count();
        }

        long maxPushDelayMillis() {
            return batch.stream().filter(ItemPusher.Pushed::accepted)
                    .mapToLong(p -> Duration.between(p.firstTry(), p.acceptedAt()).toMillis()).max().orElse(-1);
        }
    }

    @Test
    void acceptedItemsAreScoredAndAlertsDeliveredOnceThroughCrashesAndOutages() throws Exception {
        Instant started = Instant.now();
        try (RecordingHttpServer receiver = RecordingHttpServer.start();
             RecordingHttpServer lateReceiver = RecordingHttpServer.start();
             StackFixture fixture = StackFixture.start(Map.of(
                     // Retries come back quickly once an outage ends, and outlast the longest outage.
                     "LODESTONE_ALERT_DELIVERY_INITIALBACKOFF", "PT2S",
                     "LODESTONE_ALERT_DELIVERY_MAXBACKOFF", "PT15S",
                     "LODESTONE_ALERT_DELIVERY_MAXATTEMPTS", "100"));
             ItemPusher pusher = new ItemPusher(fixture.settings.ingestPort(), StackFixture.TOKEN, Duration.ofMinutes(5))) {
            report.put("stack started in", seconds(Duration.between(started, Instant.now())));
            subscribe(fixture, "faults: every element", receiver, "buyer@faults.local");

            LocalStack stack = fixture.stack;
            List<Scenario> kills = List.of(Scenario.KILL_INGEST, Scenario.KILL_SCORING, Scenario.KILL_ALERT);
            for (int i = 0; i < SERVICES.size(); i++) {
                String service = SERVICES.get(i);
                phase(fixture, pusher, kills.get(i), "kill -9 " + service + ", down " + plan.serviceDown().toSeconds() + " s, restart", s -> {
                    s.killService(service);
                    ChildProcess.sleep(plan.serviceDown());
                    s.restartService(service);
                });
            }
            phase(fixture, pusher, Scenario.BROKER_RESTART, "restart the Kafka broker", s -> {
                s.restartBroker();
                awaitAllReady(fixture, Duration.ofMinutes(3));
            });
            phase(fixture, pusher, Scenario.BROKER_CRASH, "kill -9 the Kafka broker and start it again", s -> {
                s.crashBroker();
                awaitAllReady(fixture, Duration.ofMinutes(3));
            });
            phase(fixture, pusher, Scenario.DATABASE_DOWN, "PostgreSQL stopped for " + plan.databaseDown().toSeconds() + " s", s -> {
                s.stopDatabase();
                ChildProcess.sleep(plan.databaseDown());
                s.startDatabase();
            });
            phase(fixture, pusher, Scenario.DATABASE_CRASH, "kill -9 PostgreSQL, down " + plan.serviceDown().toSeconds()
                    + " s, start it again", s -> {
                s.crashDatabase();
                ChildProcess.sleep(plan.serviceDown());
                s.startDatabase();
            });
            phase(fixture, pusher, Scenario.SMTP_DOWN, "SMTP stopped for " + plan.smtpDown().toSeconds() + " s", s -> {
                s.stopSmtp();
                ChildProcess.sleep(plan.smtpDown());
                s.startSmtp();
            });
            Duration stall = plan.runs(Scenario.STALLING_RECEIVER) ? stallingReceiver(fixture, pusher, lateReceiver) : null;

            List<ItemPusher.Pushed> outcomes = pusher.results();
            Set<String> lost = drain(fixture, receiver, outcomes, stack);
            figures(fixture, receiver, outcomes, lost, stall, started);
            verdict(fixture, receiver, outcomes, lost, stall);
        }
    }

    /** One phase: a batch of items, and the fault a third of the way through it. */
    private void phase(StackFixture fixture, ItemPusher pusher, Scenario scenario, String name, Fault fault) throws Exception {
        if (!plan.runs(scenario)) {
            phaseNumber++;
            return;
        }
        // Each scenario writes about its own sixth of the catalogue, so elements first reach HIGH,
        // and alerts are due, during every fault rather than only during the first ones.
        int slot = phaseNumber++;
        List<Element> slice = elements.subList(slot * elements.size() / PHASES, (slot + 1) * elements.size() / PHASES);
        List<Map.Entry<String, Map<String, Object>>> batch = new ArrayList<>();
        for (int i = 0; i < plan.itemsPerPhase(); i++) {
            Element element = DistinctItems.pick(slice, i);
            batch.add(new AbstractMap.SimpleEntry<>(element.symbol(), items.next("fault", element)));
        }
        int before = pusher.results().size();
        Future<?> pushing = pusher.push(batch, plan.gap());
        await().atMost(Duration.ofMinutes(2)).until(() -> pusher.results().size() >= before + batch.size() / 3);
        fault.inject(fixture.stack);
        Instant recovered = Instant.now();
        pushing.get(10, TimeUnit.MINUTES);
        List<ItemPusher.Pushed> mine = pusher.results().subList(before, before + batch.size());
        String caughtUp;
        try {
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(2))
                    .until(() -> unscored(fixture, mine).isEmpty());
            caughtUp = seconds(Duration.between(recovered, Instant.now()));
        } catch (ConditionTimeoutException e) {
            caughtUp = "not within 120 s";
        }
        phases.add(new PhaseFigures(name, List.copyOf(mine), caughtUp));
    }

    /**
     * A receiver that answers headers and then stalls is subscribed; once it is holding a
     * delivery, another subscription is created whose webhook is due at once. Returns how long
     * that webhook took (or the time waited, when it never came).
     */
    private Duration stallingReceiver(StackFixture fixture, ItemPusher pusher, RecordingHttpServer lateReceiver) throws Exception {
        if (alertingElements(fixture).isEmpty()) {
            // Run alone: raise a few elements first, so the new subscriptions have alerts to deliver.
            List<Map.Entry<String, Map<String, Object>>> batch = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                Element element = DistinctItems.pick(elements, i % 2);
                batch.add(new AbstractMap.SimpleEntry<>(element.symbol(), items.next("stall", element)));
            }
            pusher.push(batch, plan.gap()).get(5, TimeUnit.MINUTES);
            await().atMost(Duration.ofMinutes(2)).until(() -> !alertingElements(fixture).isEmpty());
        }
        try (StallingHttpServer stalling = StallingHttpServer.start()) {
            createSubscription(fixture, "faults: stalling receiver", stalling.uri("/stall").toString(), null, "PT0S");
            await().atMost(Duration.ofMinutes(1)).until(() -> stalling.stalled() >= 1);
            Instant created = Instant.now();
            createSubscription(fixture, "faults: created during the stall", lateReceiver.uri("/late").toString(), null, "PT0S");
            Duration waitAtMost = plan.stallBound().plusSeconds(15);
            try {
                await().atMost(waitAtMost).until(() -> !lateReceiver.requests().isEmpty());
                return Duration.between(created, lateReceiver.requests().get(0).receivedAt());
            } catch (ConditionTimeoutException e) {
                return waitAtMost;
            }
        }
    }

    /** Waits for the system to settle; returns the accepted items still not scored. */
    private Set<String> drain(StackFixture fixture, RecordingHttpServer receiver, List<ItemPusher.Pushed> outcomes,
                              LocalStack stack) {
        try {
            await().atMost(plan.drain()).pollInterval(Duration.ofSeconds(3)).until(() -> unscored(fixture, outcomes).isEmpty()
                    && undelivered(fixture, receiver, stack).isEmpty());
        } catch (ConditionTimeoutException e) {
            // the figures say what is missing
        }
        return unscored(fixture, outcomes);
    }

    private void figures(StackFixture fixture, RecordingHttpServer receiver, List<ItemPusher.Pushed> outcomes,
                         Set<String> lost, Duration stall, Instant started) throws Exception {
        DeliveryLedger webhooks = DeliveryLedger.ofWebhooks(receiver.requests(), SECRET);
        DeliveryLedger mails = DeliveryLedger.ofMails(fixture.stack.mailFolder());
        Set<String> expected = alertingElements(fixture);
        allAccepted = outcomes.stream().filter(ItemPusher.Pushed::accepted).toList();
        long accepted = allAccepted.size();
        long mustScore = outcomes.stream().filter(ItemPusher.Pushed::mustScore).count();
        report.put("plan", plan.name());
        report.put("items pushed (distinct)", String.valueOf(outcomes.size()));
        report.put("accepted by the push API", accepted + " (" + statuses(outcomes) + ")");
        report.put("accepted and risk-moving (must be scored)", String.valueOf(mustScore));
        report.put("scored (a contributor of every element the event names)", String.valueOf(mustScore - lost.size()));
        report.put("lost (accepted, never scored)", lost.size() + (lost.isEmpty() ? "" : " " + lost));
        report.put("elements at HIGH or above (alerts expected)", String.valueOf(expected.size()));
        report.put("webhook: elements announced firing", countMissing(expected, webhooks));
        report.put("webhook: deliveries (distinct webhook-id) / redeliveries under the same id",
                webhooks.distinctDeliveries() + " / " + webhooks.redeliveriesUnderSameId());
        report.put("webhook: duplicated under different ids", String.valueOf(webhooks.duplicatesUnderDifferentIds().size()
                + (webhooks.duplicatesUnderDifferentIds().isEmpty() ? "" : " " + webhooks.duplicatesUnderDifferentIds())));
        report.put("webhook: bad signatures", String.valueOf(webhooks.badSignatures()));
        report.put("webhook: max delay, evidence item accepted → webhook received", maxDelay(webhooks, expected, outcomes));
        report.put("email: elements announced firing", countMissing(expected, mails));
        report.put("email: deliveries (distinct X-Lodestone-Delivery) / redeliveries under the same id",
                mails.distinctDeliveries() + " / " + mails.redeliveriesUnderSameId());
        report.put("email: duplicated under different ids", String.valueOf(mails.duplicatesUnderDifferentIds().size()
                + (mails.duplicatesUnderDifferentIds().isEmpty() ? "" : " " + mails.duplicatesUnderDifferentIds())));
        report.put("stalling receiver: another subscription's webhook arrived after", stall == null ? "not run"
                : seconds(stall) + " (bound " + plan.stallBound().toSeconds() + " s)");
        report.put("services ready at the end", readiness(fixture).toString());
        report.put("suite took", seconds(Duration.between(started, Instant.now())));

        StringBuilder text = new StringBuilder("## Fault suite, " + plan.name() + " plan\n\n"
                + "| phase | items | accepted | max push delay | all scored after the fault | max delay accepted → webhook |\n"
                + "|---|---|---|---|---|---|\n");
        for (PhaseFigures phase : phases) {
            text.append("| ").append(phase.name()).append(" | ").append(phase.batch().size()).append(" | ").append(phase.accepted())
                    .append(" | ").append(phase.maxPushDelayMillis()).append(" ms | ").append(phase.caughtUp())
                    .append(" | ").append(maxDelay(webhooks, expected, phase.batch())).append(" |\n");
        }
        text.append("\n| measure | value |\n|---|---|\n");
        report.forEach((k, v) -> text.append("| ").append(k).append(" | ").append(v).append(" |\n"));
        Path out = Path.of("target", "fault-report-" + plan.name() + ".md");
        Files.writeString(out, text.toString());
        System.err.println(text);
    }

    private void verdict(StackFixture fixture, RecordingHttpServer receiver, List<ItemPusher.Pushed> outcomes,
                         Set<String> lost, Duration stall) throws Exception {
        DeliveryLedger webhooks = DeliveryLedger.ofWebhooks(receiver.requests(), SECRET);
        DeliveryLedger mails = DeliveryLedger.ofMails(fixture.stack.mailFolder());
        Set<String> expected = alertingElements(fixture);
        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(outcomes.stream().filter(ItemPusher.Pushed::mustScore).count())
                .as("the push API accepted risk-moving items through the faults").isGreaterThanOrEqualTo(outcomes.size() / 2);
        // The push API answers ACCEPTED once the story stage holds an item; that each item then became
        // a story of its own shows in the scoring check below (its own event id among the contributors).
        soft.assertThat(outcomes.stream().filter(p -> "PUBLISHED".equals(p.status()) || "ACCEPTED".equals(p.status())).count())
                .as("distinct items accepted (the generator's texts must not read as one story)")
                .isGreaterThanOrEqualTo(outcomes.size() * 9L / 10);
        soft.assertThat(lost).as("accepted items never scored").isEmpty();
        soft.assertThat(expected).as("some elements reached HIGH, so alerts were due").isNotEmpty();
        soft.assertThat(missing(expected, webhooks)).as("alerting elements never announced by webhook").isEmpty();
        soft.assertThat(missing(expected, mails)).as("alerting elements never announced by email").isEmpty();
        soft.assertThat(webhooks.duplicatesUnderDifferentIds()).as("webhook announcements under two different ids").isEmpty();
        soft.assertThat(mails.duplicatesUnderDifferentIds()).as("email announcements under two different ids").isEmpty();
        soft.assertThat(webhooks.badSignatures()).as("webhook calls whose signature does not verify").isZero();
        if (stall != null) {
            soft.assertThat(stall).as("another subscription's webhook while one receiver stalls").isLessThanOrEqualTo(plan.stallBound());
        }
        soft.assertThat(readiness(fixture)).as("readiness of every service at the end").allSatisfy((s, ready) -> assertThat(ready).isTrue());
        soft.assertAll();
    }

    private static void subscribe(StackFixture fixture, String name, RecordingHttpServer receiver, String email) {
        createSubscription(fixture, name, receiver.uri("/hooks/faults").toString(), email, "PT2S");
    }

    private static void createSubscription(StackFixture fixture, String name, String webhook, String email, String groupWait) {
        Map<String, Object> channels = new LinkedHashMap<>();
        channels.put("webhook", Map.of("url", webhook, "secret", SECRET));
        if (email != null) {
            channels.put("email", Map.of("to", List.of(email)));
        }
        HttpResponse<String> created = fixture.post(fixture.settings.alertPort(), "/api/v1/subscriptions", JSON.writeValueAsString(Map.of(
                "name", name,
                "elements", Elements.all().stream().map(Element::symbol).toList(),
                "trigger", Map.of("minLevel", "HIGH"),
                "channels", channels,
                "groupWait", groupWait,
                "repeatInterval", "P30D")));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    }

    /** Event ids of accepted, risk-moving items that are not (yet) a contributor of every element they name. */
    private static Set<String> unscored(StackFixture fixture, List<ItemPusher.Pushed> outcomes) {
        Map<String, Set<String>> contributors = new HashMap<>();
        Set<String> missing = new TreeSet<>();
        for (ItemPusher.Pushed item : outcomes) {
            if (!item.mustScore()) {
                continue;
            }
            for (String element : item.elements()) {
                Set<String> scored = contributors.computeIfAbsent(element, e -> contributorsOf(fixture, e));
                if (!scored.contains(item.eventId())) {
                    missing.add(item.eventId());
                }
            }
        }
        return missing;
    }

    private static Set<String> contributorsOf(StackFixture fixture, String element) {
        try {
            HttpResponse<String> answer = fixture.get(fixture.settings.scoringPort(), "/api/v1/risk/" + element);
            if (answer.statusCode() != 200) {
                return Set.of();
            }
            Set<String> ids = new HashSet<>();
            JSON.readTree(answer.body()).path("contributors").forEach(c -> ids.add(c.path("eventId").asString()));
            return ids;
        } catch (AssertionError unreachable) {
            return Set.of();
        }
    }

    private static Set<String> alertingElements(StackFixture fixture) {
        Set<String> alerting = new TreeSet<>();
        JSON.readTree(fixture.get(fixture.settings.scoringPort(), "/api/v1/risk").body()).forEach(row -> {
            if (ALERTING_LEVELS.contains(row.path("level").asString())) {
                alerting.add(row.path("element").asString());
            }
        });
        return alerting;
    }

    private static Set<String> undelivered(StackFixture fixture, RecordingHttpServer receiver, LocalStack stack) {
        try {
            Set<String> expected = alertingElements(fixture);
            Set<String> missing = new TreeSet<>(missing(expected, DeliveryLedger.ofWebhooks(receiver.requests(), SECRET)));
            missing.addAll(missing(expected, DeliveryLedger.ofMails(stack.mailFolder())));
            return missing;
        } catch (Exception | AssertionError notYet) {
            return Set.of("?");
        }
    }

    private static Set<String> missing(Set<String> expected, DeliveryLedger ledger) {
        Set<String> missing = new TreeSet<>(expected);
        missing.removeAll(ledger.firedElements());
        return missing;
    }

    private static String countMissing(Set<String> expected, DeliveryLedger ledger) {
        Set<String> missing = missing(expected, ledger);
        return (expected.size() - missing.size()) + " of " + expected.size() + (missing.isEmpty() ? "" : ", missing " + missing);
    }

    /**
     * For each announced element whose firing was tipped by one of {@code outcomes}: from the latest
     * of its evidence items being accepted to the first announcement.
     */
    private String maxDelay(DeliveryLedger webhooks, Set<String> expected, List<ItemPusher.Pushed> outcomes) {
        Map<String, Instant> acceptedAt = allAccepted.stream()
                .collect(Collectors.toMap(ItemPusher.Pushed::eventId, ItemPusher.Pushed::acceptedAt, (a, b) -> a));
        Set<String> ours = outcomes.stream().map(ItemPusher.Pushed::eventId).collect(Collectors.toSet());
        long max = -1;
        for (String element : expected) {
            Instant arrived = webhooks.firstArrival(element);
            String tipping = webhooks.evidence(element).stream().filter(acceptedAt::containsKey)
                    .max(Comparator.comparing(acceptedAt::get)).orElse(null);
            if (arrived != null && tipping != null && ours.contains(tipping)) {
                max = Math.max(max, Duration.between(acceptedAt.get(tipping), arrived).toMillis());
            }
        }
        return max < 0 ? "n/a" : String.format("%.1f s", max / 1000.0);
    }

    private static String statuses(List<ItemPusher.Pushed> outcomes) {
        return outcomes.stream().collect(Collectors.groupingBy(ItemPusher.Pushed::status, TreeMap::new,
                Collectors.counting())).toString();
    }

    private static Map<String, Boolean> readiness(StackFixture fixture) {
        Map<String, Boolean> ready = new LinkedHashMap<>();
        ready.put("news-ingest-service", fixture.ready(fixture.settings.ingestPort()));
        ready.put("risk-scoring-service", fixture.ready(fixture.settings.scoringPort()));
        ready.put("alert-service", fixture.ready(fixture.settings.alertPort()));
        return ready;
    }

    private static void awaitAllReady(StackFixture fixture, Duration atMost) {
        try {
            await().atMost(atMost).pollInterval(Duration.ofSeconds(1))
                    .until(() -> readiness(fixture).values().stream().allMatch(Boolean::booleanValue));
        } catch (ConditionTimeoutException e) {
            // recorded by the readiness figure at the end
        }
    }

    private static String seconds(Duration duration) {
        return String.format("%.1f s", duration.toMillis() / 1000.0);
    }
}
