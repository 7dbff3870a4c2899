package io.lodestone.ingest.source;

import io.lodestone.ingest.IngestProperties;
import io.lodestone.ingest.item.NewsItem;
import java.time.Instant;
import java.util.List;

/** Turns a fetched body into items. One implementation per source kind. */
interface ItemParser {

    IngestProperties.Kind kind();

    /**
     * @param now used as the publication time of items that state none
     * @throws FetchException if the body is malformed or hostile; nothing of it is used then
     */
    List<NewsItem> parse(byte[] body, IngestProperties.Source source, Instant now) throws FetchException;
}
