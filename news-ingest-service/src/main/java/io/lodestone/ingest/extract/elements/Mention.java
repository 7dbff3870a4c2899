package io.lodestone.ingest.extract.elements;

import io.lodestone.ingest.extract.sentences.Field;

/**
 * Where an item names an element or a group.
 *
 * @param name   the element's symbol ({@code Dy}) or the group's name ({@code HREE})
 * @param group  whether {@code name} is a group
 * @param field  the field it stands in
 * @param start  offset of the first character of the naming words
 * @param end    offset just past them
 */
public record Mention(String name, boolean group, Field field, int start, int end) {
}
