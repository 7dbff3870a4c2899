package io.lodestone.scoring.model;

/** How an event reaches an element: by naming it, or only through a group it names. */
public enum Reach {
    NAMED,
    GROUP
}
