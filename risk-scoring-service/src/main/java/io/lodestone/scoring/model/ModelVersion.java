package io.lodestone.scoring.model;

import io.lodestone.events.ElementGroup;
import io.lodestone.events.Elements;
import io.lodestone.events.EventType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The version of the scoring model: a fingerprint of every number that turns events into
 * points and points into scores — the {@link ModelParameters} and the baselines of every
 * tracked element. Nobody bumps it by hand, so no change to the model can go unnoticed: a new
 * weight, half-life or baseline gives a new version, the same numbers the same version on every
 * machine and every start.
 * <p>
 * Each stored impact keeps the version that computed its points, and every {@code element.risk.v1}
 * record names the version that scored it, so a state that mixes two models (events read before
 * an upgrade keep their old points) can be seen, and then replayed as risk-scoring-service's
 * README describes ("Upgrading the model").
 */
public final class ModelVersion {

    private ModelVersion() {
    }

    /** Twelve hex digits of SHA-256 over the canonical form of the parameters and baselines. */
    public static String of(ModelParameters parameters, Baselines baselines) {
        return HexFormat.of().formatHex(sha256(canonical(parameters, baselines)), 0, 6);
    }

    /**
     * One line per number, in enum and catalogue order: the maps of the parameters are immutable
     * copies whose iteration order changes from one JVM start to the next, so they are never
     * printed as they are.
     */
    static String canonical(ModelParameters parameters, Baselines baselines) {
        StringBuilder text = new StringBuilder();
        for (EventType type : EventType.values()) {
            EventRule rule = parameters.rules().get(type);
            text.append("rule ").append(type).append(' ')
                    .append(rule == null ? "none" : rule.weight() + " " + rule.halfLife()).append('\n');
        }
        text.append("severityPoints ").append(parameters.severityPoints()).append('\n');
        for (ElementGroup group : ElementGroup.values()) {
            text.append("groupReach ").append(group).append(' ')
                    .append(parameters.groupReach().getOrDefault(group, 0.0)).append('\n');
        }
        text.append("saturation ").append(parameters.saturation()).append('\n')
                .append("groupPressureCap ").append(parameters.groupPressureCap()).append('\n')
                .append("easingFloor ").append(parameters.easingFloor()).append('\n')
                .append("corroborationGain ").append(parameters.corroborationGain()).append('\n')
                .append("corroborationCap ").append(parameters.corroborationCap()).append('\n')
                .append("hysteresis ").append(parameters.hysteresis()).append('\n')
                .append("negligible ").append(parameters.negligible()).append('\n')
                .append("maxImpacts ").append(parameters.maxImpacts()).append('\n')
                .append("topContributors ").append(parameters.topContributors()).append('\n');
        Elements.all().forEach(element -> text.append("baseline ").append(element.symbol()).append(' ')
                .append(baselines.scoreOf(element.symbol())).append('\n'));
        return text.toString();
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
