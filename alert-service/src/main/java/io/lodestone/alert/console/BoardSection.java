package io.lodestone.alert.console;

import io.lodestone.events.Element;
import io.lodestone.events.ElementGroup;

/**
 * The board's three groups, the way buyers speak of them. Scandium, a rare earth in neither the
 * light nor the heavy group, is listed with the other critical minerals. Public, like every type
 * a template reads: the template language calls only public methods.
 */
public enum BoardSection {
    LIGHT("Light rare earths"),
    HEAVY("Heavy rare earths"),
    OTHER("Other critical minerals");

    private final String title;

    BoardSection(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }

    static BoardSection of(Element element) {
        if (element.belongsTo(ElementGroup.LREE)) {
            return LIGHT;
        }
        return element.belongsTo(ElementGroup.HREE) ? HEAVY : OTHER;
    }
}
