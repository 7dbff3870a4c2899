/**
 * Event type and direction by weighted vote of the trigger cues, with the rules votes alone get
 * wrong: easing outvotes the measure it restates, and the actor (state or company) decides between
 * policy support and new supply.
 */
package io.lodestone.ingest.extract.classification;
