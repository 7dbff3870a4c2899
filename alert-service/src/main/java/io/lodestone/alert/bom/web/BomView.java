package io.lodestone.alert.bom.web;

import io.lodestone.alert.bom.Bom;
import io.lodestone.alert.bom.BomFormat;
import io.lodestone.alert.bom.Part;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A stored BOM as the API shows it, parts in the order they were uploaded. */
record BomView(UUID id, String name, BomFormat format, Instant createdAt, List<PartView> parts) {

    record PartView(int line, String partNumber, String description, long annualVolume, String magnetType,
                    String magnetGrade, Double magnetMassG, Map<String, Double> elementContentG) {
    }

    static BomView of(Bom bom) {
        return new BomView(bom.id(), bom.name(), bom.format(), bom.createdAt(), bom.parts().stream().map(BomView::part).toList());
    }

    private static PartView part(Part part) {
        Part.Magnet magnet = part.magnet();
        return new PartView(part.line(), part.partNumber(), part.description(), part.annualVolume(),
                magnet == null ? null : magnet.grade().type().label(), magnet == null ? null : magnet.grade().label(),
                magnet == null ? null : magnet.massGrams(), part.elementsGrams());
    }
}
