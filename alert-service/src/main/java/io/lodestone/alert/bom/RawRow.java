package io.lodestone.alert.bom;

import java.util.Map;

/**
 * A row as read from the file, before its values are checked.
 *
 * @param cells    non-blank cells by column
 * @param elements element content cells (symbol to grams, unparsed), or null when the row has none
 */
record RawRow(int line, Map<Column, String> cells, Map<String, String> elements) {
}
