/**
 * Stories: the same real-world event reported by several outlets is one event, and reports of
 * different events (other elements, other months) are never one story. {@link
 * io.lodestone.ingest.dedupe.StoryLinker} decides, over stories kept in a {@link
 * io.lodestone.ingest.dedupe.Stories} store; the first report of a story publishes its event and
 * each further outlet republishes that same event id with one more corroboration.
 */
package io.lodestone.ingest.dedupe;
