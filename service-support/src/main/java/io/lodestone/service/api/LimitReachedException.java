package io.lodestone.service.api;

/**
 * A create that would take a service past a configured cap on how many of something it keeps
 * (subscriptions, silences, sources). Answered as a 409 problem detail that states the limit and
 * the property an operator changes to raise it, so a client knows it must delete something first.
 */
public class LimitReachedException extends RuntimeException {

    private final long limit;
    private final String property;

    /**
     * @param things   what is counted, plural, as a person reads it ("subscriptions", "active silences")
     * @param limit    the cap in force
     * @param property the configuration property that sets it
     */
    public LimitReachedException(String things, long limit, String property) {
        super("At most " + limit + " " + things + " may exist at once; delete one first, or raise " + property + ".");
        this.limit = limit;
        this.property = property;
    }

    public long limit() {
        return limit;
    }

    public String property() {
        return property;
    }
}
