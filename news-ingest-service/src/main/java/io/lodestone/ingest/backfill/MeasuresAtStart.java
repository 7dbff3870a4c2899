package io.lodestone.ingest.backfill;

import io.lodestone.events.MeasuresInForce;
import io.lodestone.ingest.IngestProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * The first-start step of a deployment: when {@code lodestone.ingest.measures.replay-at-start} is on,
 * the service publishes the measures in force that {@code supply.events.v1} does not hold yet before
 * it reports ready, so the risk board of a new install starts from today's controls. A broker that
 * does not answer in time does not stop the service (it could not fix the broker by failing): the
 * failure is logged, and the next start or the {@code seed} command publishes what is missing.
 *
 * <p>The setting is read when the service runs, not as a condition on the bean: the services start
 * from an application context processed ahead of time, in which every condition was decided when the
 * jar was built.
 */
@Component
class MeasuresAtStart implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(MeasuresAtStart.class);

    private final MeasuresReplay replay;
    private final IngestProperties properties;

    MeasuresAtStart(MeasuresReplay replay, IngestProperties properties) {
        this.replay = replay;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) throws InterruptedException {
        if (!properties.measures().replayAtStart()) {
            return;
        }
        try {
            MeasuresReplay.Result result = replay.replay(properties.measures().timeout());
            log.info("measures in force (dataset {}): {} published, {} already on supply.events.v1",
                    MeasuresInForce.VERSION, result.published(), result.alreadyOnTopic());
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            log.error("measures in force were not published ({}); the next start or the seed command will publish them",
                    e.toString());
        }
    }
}
