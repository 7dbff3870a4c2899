/**
 * Bill-of-materials exposure: a buyer's parts, each with a magnet grade and mass or an explicit
 * element content, turned into kilograms per year of each element through a versioned, sourced
 * composition table. Uploads are parsed and checked whole (every bad cell named by line and
 * column) and stored in one transaction; the arithmetic is plain Java, shared by the API, the
 * pages, subscription matching and notifications.
 */
package io.lodestone.alert.bom;
