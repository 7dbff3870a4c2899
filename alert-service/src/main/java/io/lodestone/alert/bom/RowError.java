package io.lodestone.alert.bom;

/**
 * One bad cell of an upload.
 *
 * @param line    the line of the file (1-based; for JSON, the line where the part starts)
 * @param column  the column's name as the file spells it, or null for a problem with the whole row or file
 * @param message what is wrong, in words a buyer can act on
 */
public record RowError(int line, String column, String message) {
}
