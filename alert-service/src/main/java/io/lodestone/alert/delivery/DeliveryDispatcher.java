package io.lodestone.alert.delivery;

import io.lodestone.alert.AlertProperties;
import io.lodestone.alert.DueWork;
import io.lodestone.alert.notify.Channel;
import io.lodestone.alert.notify.HttpDelivery;
import io.lodestone.alert.notify.Notification;
import io.lodestone.alert.notify.Notifier;
import io.lodestone.alert.notify.SendOutcome;
import io.lodestone.alert.subscription.Channels;
import io.lodestone.alert.subscription.EmailChannel;
import io.lodestone.alert.subscription.Subscription;
import io.lodestone.alert.subscription.SubscriptionRepository;
import io.lodestone.service.security.LogSafe;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends due deliveries from the outbox without holding the database while a receiver answers:
 * claim a batch (a lease, committed at once), send each on a bounded pool of senders with an
 * overall deadline, then record the attempt in a new short transaction and let
 * {@link RetryPolicy} say what comes next. A receiver that stalls costs one sender for at most
 * the deadline, and at most {@code max-per-host} senders at a time, so other subscriptions'
 * deliveries go on. A delivery whose notification or subscription cannot be read, or whose
 * message cannot be rendered, fails with the reason instead of blocking the outbox. If this
 * instance dies mid-send, the lease runs out and another instance sends the delivery again with
 * the same delivery id (at least once; receivers de-duplicate on the id), as its next attempt: the
 * cut-off send is in the history as an {@code INTERRUPTED} attempt.
 */
@Component
class DeliveryDispatcher implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(DeliveryDispatcher.class);
    private static final int MAX_ERROR = 500;
    /** A delivery whose receiver is busy goes behind the others due now, instead of being retried at once. */
    private static final Duration BUSY_RECEIVER_DEFERRAL = Duration.ofSeconds(1);
    /** Email goes to one SMTP server, which is its receiver host. */
    private static final String SMTP = "smtp";

    /** What a delivery is about and to whom, read from the outbox. */
    private record Target(Notification notification, Subscription subscription) {
    }

    private final DeliveryRepository deliveries;
    private final SubscriptionRepository subscriptions;
    private final Map<Channel, Notifier> notifiers = new EnumMap<>(Channel.class);
    private final RetryPolicy retryPolicy;
    private final DeliveryMetrics metrics;
    private final TransactionTemplate transactions;
    private final JsonMapper json;
    private final AlertProperties.Delivery settings;
    private final Clock clock;
    private final ThreadPoolExecutor senders;
    private final Semaphore idleSenders;
    private final ReceiverLimits receivers;
    private final RecipientBudget recipients;
    private final DueWork due;

    DeliveryDispatcher(DeliveryRepository deliveries, SubscriptionRepository subscriptions, List<Notifier> notifiers,
                       DeliveryMetrics metrics, TransactionTemplate transactions, JsonMapper json,
                       AlertProperties properties, Clock clock, RecipientBudget recipients) {
        this.deliveries = deliveries;
        this.subscriptions = subscriptions;
        notifiers.forEach(notifier -> this.notifiers.put(notifier.channel(), notifier));
        this.settings = properties.delivery();
        this.retryPolicy = new RetryPolicy(settings, () -> ThreadLocalRandom.current().nextDouble());
        this.metrics = metrics;
        this.transactions = transactions;
        this.json = json;
        this.clock = clock;
        AtomicInteger threads = new AtomicInteger();
        this.senders = new ThreadPoolExecutor(settings.concurrency(), settings.concurrency(), 1, TimeUnit.MINUTES,
                new LinkedBlockingQueue<>(), runnable -> {
                    Thread thread = new Thread(runnable, "delivery-sender-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        this.idleSenders = new Semaphore(settings.concurrency());
        this.receivers = new ReceiverLimits(settings.maxPerHost());
        this.recipients = recipients;
        this.due = new DueWork("delivery-dispatcher", this::sendDue, clock);
    }

    /** The safety net: deliveries written by another instance, or whose signal was lost. */
    @Scheduled(fixedDelayString = "${lodestone.alert.delivery.poll-interval:1s}")
    void dispatchDue() {
        due.runNow();
    }

    /** Sends what is due as soon as possible: called once a new delivery is committed. */
    void dispatchSoon() {
        due.request();
    }

    private void sendDue() {
        int idle = idleSenders.availablePermits();
        if (!settings.enabled() || idle == 0) {
            return;
        }
        try {
            Instant now = clock.instant();
            // claimed and committed before anything is sent: no transaction waits on a receiver
            List<Delivery> claimed = transactions.execute(status -> deliveries.claimDue(now, idle, now.plus(settings.lease()), settings.maxAttempts()));
            for (Delivery delivery : claimed == null ? List.<Delivery>of() : claimed) {
                // only one run at a time takes permits (DueWork), and at least `idle` were free
                idleSenders.acquireUninterruptibly();
                try {
                    senders.execute(() -> {
                        try {
                            attempt(delivery);
                        } finally {
                            idleSenders.release();
                        }
                    });
                } catch (RejectedExecutionException stopping) {
                    // shutting down: give it back now rather than when the lease runs out
                    idleSenders.release();
                    deliveries.release(delivery.id(), delivery.attempts(), now);
                }
            }
        } catch (RuntimeException e) {
            log.warn("Claiming deliveries failed; will try again: {}", e.toString());
        }
    }

    private void attempt(Delivery delivery) {
        boolean sending = false;
        try {
            Instant started = clock.instant();
            Target target;
            try {
                target = read(delivery);
            } catch (DataAccessException | TransactionException e) {
                throw e;
            } catch (RuntimeException e) {
                record(delivery, started, new SendOutcome.Refused("cannot be read: " + describe(e)));
                return;
            }
            if (target.subscription().isDeleted()) {
                // sealed while the subscription was being deleted: cancelled like the rest of its deliveries
                deliveries.cancelAllOf(delivery.subscriptionId(), started, "subscription deleted");
                return;
            }
            List<String> addresses = emailAddresses(delivery.channel(), target.subscription());
            Instant heldUntil = addresses.isEmpty() ? null : recipients.reserve(addresses, started);
            if (heldUntil != null) {
                // not an attempt: the email waits for its recipients' hour to have room, and is not lost
                deliveries.release(delivery.id(), delivery.attempts(), heldUntil);
                due.requestAt(heldUntil);
                log.info("Delivery {} (email of subscription {}) held until {}: an address had its {} emails of the "
                                + "last hour (lodestone.alert.limits.max-emails-per-recipient-per-hour)", delivery.id(),
                        delivery.subscriptionId(), heldUntil, recipients.perHour());
                return;
            }
            String host = receiverHost(delivery.channel(), target.subscription());
            if (!receivers.tryAcquire(host)) {
                recipients.release(addresses, started);
                deliveries.release(delivery.id(), delivery.attempts(), started.plus(BUSY_RECEIVER_DEFERRAL));
                due.requestAt(started.plus(BUSY_RECEIVER_DEFERRAL));
                return;
            }
            SendOutcome outcome;
            sending = true;
            try {
                outcome = send(delivery, target);
            } finally {
                receivers.release(host);
            }
            if (!(outcome instanceof SendOutcome.Delivered)) {
                // an email that did not go gives its recipients' places back
                recipients.release(addresses, started);
            }
            record(delivery, started, outcome);
        } catch (RuntimeException e) {
            Instant retry = clock.instant().plus(settings.lease());
            if (!sending) {
                // nothing went out: give the claim back, so that no send is recorded as cut off
                try {
                    deliveries.release(delivery.id(), delivery.attempts(), retry);
                } catch (RuntimeException stillDown) {
                    log.debug("Could not give delivery {} back: {}", delivery.id(), stillDown.toString());
                }
            }
            log.warn("Delivery {} could not be completed; it is tried again when its claim runs out: {}",
                    delivery.id(), e.toString());
            due.requestAt(retry);
        }
    }

    private Target read(Delivery delivery) {
        String payload = deliveries.notificationPayload(delivery.notificationId());
        if (payload == null) {
            throw new IllegalStateException("notification " + delivery.notificationId() + " has no snapshot");
        }
        Notification notification = json.readValue(payload, Notification.class);
        Subscription subscription = subscriptions.findIncludingDeleted(delivery.subscriptionId())
                .orElseThrow(() -> new IllegalStateException("subscription " + delivery.subscriptionId() + " is gone"));
        return new Target(notification, subscription);
    }

    /** The addresses an email delivery goes to; none for other channels. */
    private static List<String> emailAddresses(Channel channel, Subscription subscription) {
        EmailChannel email = subscription.spec().channels().email();
        return channel != Channel.EMAIL || email == null || email.to() == null ? List.of() : email.to();
    }

    private static String receiverHost(Channel channel, Subscription subscription) {
        if (channel == Channel.EMAIL) {
            return SMTP;
        }
        Channels channels = subscription.spec().channels();
        String url = channel == Channel.SLACK
                ? channels.slack() == null ? null : channels.slack().webhookUrl()
                : channels.webhook() == null ? null : channels.webhook().url();
        String host = url == null ? null : HttpDelivery.hostOf(url);
        return host == null ? "none" : ReceiverLimits.receiverOf(host);
    }

    private SendOutcome send(Delivery delivery, Target target) {
        Notifier notifier = notifiers.get(delivery.channel());
        if (notifier == null) {
            return new SendOutcome.Refused("no notifier for channel " + delivery.channel());
        }
        try {
            return notifier.send(target.notification(), target.subscription(), delivery.id());
        } catch (RuntimeException e) {
            return new SendOutcome.Refused("cannot be rendered: " + describe(e));
        }
    }

    private void record(Delivery delivery, Instant started, SendOutcome outcome) {
        int attempt = delivery.attempts() + 1;
        Instant finished = clock.instant();
        RetryPolicy.Verdict verdict = retryPolicy.decide(outcome, attempt);
        // a receiver's answer is quoted, never trusted: a NUL in it is refused by PostgreSQL in text,
        // and an attempt that cannot be recorded is sent again at every lease, never counted
        String detail = outcome.detail() == null ? null : LogSafe.escape(outcome.detail());
        DeliveryAttempt recorded = new DeliveryAttempt(attempt, started, Duration.between(started, finished).toMillis(),
                outcomeName(outcome), httpStatus(outcome), detail);
        boolean sent = verdict.status() == DeliveryStatus.SENT;
        Boolean written = transactions.execute(status -> deliveries.recordAttempt(delivery.id(), recorded,
                verdict.status(), finished.plus(verdict.delay()), sent ? null : detail,
                sent ? finished : null));
        if (!Boolean.TRUE.equals(written)) {
            log.info("Delivery {} attempt {} was already recorded by the instance that took over its claim",
                    delivery.id(), attempt);
            return;
        }
        metrics.attempted(delivery, outcomeName(outcome), verdict.status(), finished);
        if (verdict.status() == DeliveryStatus.PENDING) {
            due.requestAt(finished.plus(verdict.delay()));
        }
        log.info("Delivery {} ({} {} of subscription {}) attempt {}: {} -> {}", delivery.id(), delivery.channel(),
                delivery.kind(), delivery.subscriptionId(), attempt, detail, verdict.status());
    }

    /** An exception in a few words: its type and the first line of its message, never a stack. */
    private static String describe(RuntimeException e) {
        String message = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
        return abbreviate(e.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message));
    }

    /** The outcome as the attempt log names it. */
    static String outcomeName(SendOutcome outcome) {
        if (outcome instanceof SendOutcome.Delivered) {
            return "DELIVERED";
        }
        if (outcome instanceof SendOutcome.Rejected) {
            return "REJECTED";
        }
        return outcome instanceof SendOutcome.Unreachable ? "UNREACHABLE" : "REFUSED";
    }

    static Integer httpStatus(SendOutcome outcome) {
        return outcome instanceof SendOutcome.Rejected rejected ? rejected.status() : null;
    }

    private static String abbreviate(String text) {
        return text == null || text.length() <= MAX_ERROR ? text : text.substring(0, MAX_ERROR) + "…";
    }

    @Override
    public void destroy() throws InterruptedException {
        due.close();
        senders.shutdown();
        // sends in flight end within their deadline; what is cut off is sent again after its lease
        senders.awaitTermination(settings.timeout().toMillis() + 1000, TimeUnit.MILLISECONDS);
    }
}
