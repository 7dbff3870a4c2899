package io.lodestone.scoring.api;

import io.lodestone.scoring.model.ElementRisk;
import io.lodestone.scoring.stream.RiskTopology;
import java.util.Optional;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.springframework.cloud.stream.binder.kafka.streams.InteractiveQueryService;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/**
 * Finds where an element's state lives: in this instance's store, or in another instance's, as
 * the Kafka Streams metadata says (the partition of the element's key decides).
 */
@Component
class RiskStateLocator {

    private final InteractiveQueryService queries;

    RiskStateLocator(InteractiveQueryService queries) {
        this.queries = queries;
    }

    /** The instance holding the element, or empty when it is this one. */
    Optional<HostInfo> remoteOwnerOf(String element) {
        HostInfo owner;
        try {
            owner = queries.getHostInfo(RiskTopology.STORE, element, Serdes.String().serializer());
        } catch (RuntimeException e) {
            throw unavailable(e);
        }
        HostInfo self = queries.getCurrentHostInfo();
        return owner == null || owner.equals(self) ? Optional.empty() : Optional.of(owner);
    }

    /** The element's state in this instance's store, or null if no event has reached it. */
    ElementRisk local(String element) {
        try {
            ReadOnlyKeyValueStore<String, ElementRisk> store =
                    queries.getQueryableStore(RiskTopology.STORE, QueryableStoreTypes.keyValueStore());
            return store.get(element);
        } catch (InvalidStateStoreException | IllegalStateException e) {
            throw unavailable(e);
        }
    }

    private static ErrorResponseException unavailable(Exception cause) {
        ErrorResponseException error = new ErrorResponseException(HttpStatus.SERVICE_UNAVAILABLE, cause);
        error.setDetail("Risk state is not available yet (the stream is starting or rebalancing); retry shortly.");
        return error;
    }
}
