package io.lodestone.scoring.model;

import io.lodestone.events.Direction;
import io.lodestone.events.ElementGroup;
import io.lodestone.events.EventType;
import io.lodestone.events.Evidence;
import io.lodestone.events.SupplyEventDetected;
import java.time.Instant;
import java.util.List;

/** Small factories of supply events for tests. */
public final class Events {

    private Events() {
    }

    public static SupplyEventDetected event(String id, String publishedAt, EventType type, Direction direction,
                                            int severity, List<String> elements, List<ElementGroup> groups) {
        Instant at = Instant.parse(publishedAt);
        String title = "Test event " + id;
        return new SupplyEventDetected(SupplyEventDetected.SCHEMA_VERSION, id, "test", "https://example.org/" + id,
                title, at, at, "en", type, direction, severity, 0.9, elements, groups, List.of("CN"), List.of(),
                List.of(new Evidence("title", 0, title.length(), title, elements)), 1);
    }

    /** A severity-5 export licensing regime naming the elements. */
    public static SupplyEventDetected exportControl(String id, String publishedAt, String... elements) {
        return event(id, publishedAt, EventType.EXPORT_RESTRICTION, Direction.TIGHTENING, 5, List.of(elements), List.of());
    }

    /** Controls lifted or suspended for the elements. */
    public static SupplyEventDetected suspension(String id, String publishedAt, String... elements) {
        return event(id, publishedAt, EventType.EXPORT_RESTRICTION_EASED, Direction.EASING, 5, List.of(elements), List.of());
    }

    /** A severity-4 strike or outage at a producer of the element. */
    public static SupplyEventDetected strike(String id, String publishedAt, String element) {
        return event(id, publishedAt, EventType.PRODUCTION_DISRUPTION, Direction.TIGHTENING, 4, List.of(element), List.of());
    }

    /** A generic story about a whole group. */
    public static SupplyEventDetected groupControl(String id, String publishedAt, ElementGroup group) {
        return event(id, publishedAt, EventType.EXPORT_RESTRICTION, Direction.TIGHTENING, 5, List.of(), List.of(group));
    }
}
