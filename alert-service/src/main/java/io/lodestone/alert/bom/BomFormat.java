package io.lodestone.alert.bom;

/** How a bill of materials was uploaded. */
public enum BomFormat {
    CSV,
    JSON
}
