package io.lodestone.ingest.publish;

import io.lodestone.events.SupplyEventDetected;
import org.apache.kafka.common.serialization.Serdes;

/** JSON of {@code SupplyEventDetected} for {@code supply.events.v1}, named in application.yml. */
public final class SupplyEventSerde extends Serdes.WrapperSerde<SupplyEventDetected> {

    public SupplyEventSerde() {
        super(StoryJson.serde(SupplyEventDetected.class).serializer(),
                StoryJson.serde(SupplyEventDetected.class).deserializer());
    }
}
