/**
 * Bills of materials over HTTP: the {@code /api/v1/boms} API and the {@code /boms} pages, both
 * showing exposure next to each element's current risk level.
 */
package io.lodestone.alert.bom.web;
