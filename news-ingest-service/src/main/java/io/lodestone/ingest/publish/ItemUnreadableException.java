package io.lodestone.ingest.publish;

/**
 * The extractor failed on an item: a defect of the extractor on that text, not of the item's
 * sender nor of the broker. Every path reports it for this one item and goes on with the others
 * (a poll with the rest of its feed, an import with its next line, a push with nothing more of
 * its request); the cause is logged once, with its stack, where it was caught.
 */
public class ItemUnreadableException extends RuntimeException {

    public ItemUnreadableException(String itemId, Throwable cause) {
        super("item '" + itemId + "' could not be read by the extractor (" + cause.getClass().getSimpleName() + ")",
                cause);
    }
}
