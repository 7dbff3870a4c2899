package io.lodestone.alert.delivery;

import io.lodestone.alert.notify.Channel;
import java.util.UUID;

/**
 * What one channel's receiver did with a test send; {@code id} is the {@code webhook-id} it was sent
 * with, {@code httpStatus} is set when the receiver answered over HTTP.
 */
public record TestSendResult(Channel channel, UUID id, String outcome, Integer httpStatus, String detail) {
}
