package io.lodestone.alert.bom;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A stored bill of materials. */
public record Bom(UUID id, String name, BomFormat format, Instant createdAt, List<Part> parts) {

    public Bom {
        parts = List.copyOf(parts);
    }
}
