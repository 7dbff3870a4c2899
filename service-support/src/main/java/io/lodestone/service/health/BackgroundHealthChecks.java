package io.lodestone.service.health;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.health.application.AvailabilityStateHealthIndicator;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthContributors;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.PingHealthIndicator;
import org.springframework.boot.health.registry.HealthContributorRegistry;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * Puts every health check of the service that may wait on something outside the process (the
 * binders' broker checks, the database's) behind a {@link BackgroundHealthIndicator}, before the
 * server takes its first request. Checks inside composites are wrapped as they appear: the binders'
 * composite gains its checks when the binders are created. Checks that only read the process's own
 * state (liveness, readiness, ping) are left as they are, so a change of state shows at once.
 */
final class BackgroundHealthChecks implements SmartInitializingSingleton, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(BackgroundHealthChecks.class);

    private final HealthContributorRegistry registry;
    private final HealthProperties timing;
    private final ExecutorService executor = Executors.newCachedThreadPool(daemonThreads());
    private final Map<HealthIndicator, BackgroundHealthIndicator> wrapped = new ConcurrentHashMap<>();

    BackgroundHealthChecks(HealthContributorRegistry registry, HealthProperties timing) {
        this.registry = registry;
        this.timing = timing;
    }

    @Override
    public void afterSingletonsInstantiated() {
        List<String> names = new ArrayList<>();
        for (HealthContributors.Entry entry : registry.stream().toList()) {
            HealthContributor contributor = wrap(entry.contributor());
            if (contributor != entry.contributor()) {
                registry.unregisterContributor(entry.name());
                registry.registerContributor(entry.name(), contributor);
                names.add(entry.name());
            }
        }
        log.info("Health checks run off the request threads, one at a time each: {}", names);
    }

    HealthContributor wrap(HealthContributor contributor) {
        if (contributor instanceof AvailabilityStateHealthIndicator || contributor instanceof PingHealthIndicator
                || contributor instanceof BackgroundHealthIndicator || contributor instanceof Composite) {
            return contributor;
        }
        if (contributor instanceof HealthIndicator indicator) {
            return wrapped.computeIfAbsent(indicator,
                    check -> new BackgroundHealthIndicator(check, executor, timing, System::nanoTime));
        }
        if (contributor instanceof CompositeHealthContributor composite) {
            return new Composite(composite);
        }
        return contributor;
    }

    /** Daemon threads named for what they do, so a thread dump says why one waits on the broker. */
    private static CustomizableThreadFactory daemonThreads() {
        CustomizableThreadFactory threads = new CustomizableThreadFactory("health-check-");
        threads.setDaemon(true);
        return threads;
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }

    /** A composite whose checks are wrapped when they are asked for, so checks added later are too. */
    private final class Composite implements CompositeHealthContributor {

        private final CompositeHealthContributor delegate;

        Composite(CompositeHealthContributor delegate) {
            this.delegate = delegate;
        }

        @Override
        public HealthContributor getContributor(String name) {
            HealthContributor contributor = delegate.getContributor(name);
            return contributor == null ? null : wrap(contributor);
        }

        @Override
        public Stream<HealthContributors.Entry> stream() {
            return delegate.stream().map(entry -> new HealthContributors.Entry(entry.name(), wrap(entry.contributor())));
        }
    }
}
