package io.lodestone.alert.bom;

/** What asking to delete a bill of materials did. */
public enum Deletion {
    DELETED,
    NOT_FOUND,
    /** A live subscription links it: unlink or delete the subscription first. */
    LINKED
}
