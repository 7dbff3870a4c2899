/**
 * Which tracked elements and element groups an item names, in English and Chinese, by names,
 * aliases, formulas and symbols in chemical context; countries and companies by gazetteer.
 */
package io.lodestone.ingest.extract.elements;
