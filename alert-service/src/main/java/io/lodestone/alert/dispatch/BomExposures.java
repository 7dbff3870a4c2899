package io.lodestone.alert.dispatch;

import static io.lodestone.alert.bom.Range.toGrams;

import io.lodestone.alert.bom.Bom;
import io.lodestone.alert.bom.Boms;
import io.lodestone.alert.bom.Exposure;
import io.lodestone.alert.notify.AlertNotice;
import io.lodestone.alert.notify.BomExposure;
import io.lodestone.alert.subscription.BomLink;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Adds to each alert of a notification what the element touches in the subscription's bill of
 * materials: its kg/yr and the parts behind it. Taken when the notification is sealed, so every
 * channel and retry says the same; an alert whose element the BOM lacks stays as it is.
 */
@Component
class BomExposures {

    private final Boms boms;

    BomExposures(Boms boms) {
        this.boms = boms;
    }

    List<AlertNotice> attach(List<AlertNotice> notices, BomLink link) {
        if (link == null) {
            return notices;
        }
        Bom bom = boms.find(link.id()).orElse(null);
        if (bom == null) {
            return notices;
        }
        Exposure exposure = boms.exposure(bom);
        return notices.stream().map(notice -> exposure.of(notice.element())
                .map(element -> notice.withExposure(new BomExposure(bom.id(), bom.name(),
                        toGrams(element.kgPerYear().typical()), toGrams(element.kgPerYear().min()),
                        toGrams(element.kgPerYear().max()),
                        element.parts().stream().filter(part -> part.kgPerYear().typical() > 0)
                                .map(part -> new BomExposure.PartShare(part.partNumber(),
                                part.description(), toGrams(part.kgPerYear().typical()))).toList())))
                .orElse(notice)).toList();
    }
}
