package io.lodestone.ingest.source;

/** Where operators' source changes are kept, shared by every replica and read back at start. */
interface SourceOverrideLog {

    /**
     * Records a change; returns once it is durable.
     *
     * @throws SourceChangeRefused with {@link SourceChangeRefused.Reason#UNAVAILABLE} when it is not
     */
    void write(String sourceId, SourceOverride change);

    /** False while the changes made before this start are still being read. */
    boolean restored();
}
