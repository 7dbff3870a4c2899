package io.lodestone.ingest.source;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import io.lodestone.ingest.IngestProperties;
import io.lodestone.ingest.item.ItemJson;
import io.lodestone.ingest.item.NewsItem;
import io.lodestone.ingest.item.PlainText;
import io.lodestone.ingest.item.PublicationDates;
import io.lodestone.service.api.ControlCharacters;
import io.lodestone.service.security.LogSafe;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * RSS 2.0 and Atom through ROME. ROME refuses documents with a DOCTYPE, which shuts out external
 * entities (XXE) and entity-expansion bombs; the encoding is taken from the XML prolog or BOM, and
 * a body that is not well-formed in it is refused whole. Titles and texts are reduced to plain text.
 * An entry dated outside {@link PublicationDates} (before 1900, or more than a day ahead) is
 * dropped with a log line: its date cannot be trusted, and it would distort risk over time. Ids
 * and links are bounded as a pushed item's are ({@link ItemJson}): an entry whose guid is too long
 * is known by its link or title instead, and a link too long is dropped. A document nested deeper
 * than {@value #MAX_DEPTH} elements is refused before ROME builds its tree: 200,000 nested tags in
 * one description kept a poller thread busy for seven minutes (the tree's ancestor check grows with
 * the depth) and ended in a stack overflow.
 */
@Component
class FeedParser implements ItemParser {

    private static final Logger log = LoggerFactory.getLogger(FeedParser.class);
    /** The deepest element nesting a feed may have; real RSS and Atom, XHTML content included, stay far under it. */
    static final int MAX_DEPTH = 64;
    private static final XMLInputFactory STAX = XMLInputFactory.newFactory();

    static {
        // the depth pass reads no DTD and resolves no entity; ROME refuses a DOCTYPE afterwards anyway
        STAX.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        STAX.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        STAX.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
    }

    @Override
    public IngestProperties.Kind kind() {
        return IngestProperties.Kind.FEED;
    }

    @Override
    public List<NewsItem> parse(byte[] body, IngestProperties.Source source, Instant now) throws FetchException {
        SyndFeed feed;
        try (XmlReader reader = new XmlReader(new ByteArrayInputStream(body))) {
            String xml = decodeStrictly(body, reader.getEncoding());
            requireDepthAtMost(xml, MAX_DEPTH);
            feed = new SyndFeedInput().build(new StringReader(xml));
        } catch (FeedException | IOException | IllegalArgumentException e) {
            throw new FetchException("not a readable RSS/Atom feed: " + e.getMessage(), e);
        }
        String language = Optional.ofNullable(source.language()).orElse(feed.getLanguage());
        List<NewsItem> items = new ArrayList<>();
        for (SyndEntry entry : feed.getEntries()) {
            String id = firstUsableId(entry.getUri(), entry.getLink(), entry.getTitle());
            if (id == null) {
                if (firstNonBlank(entry.getUri(), entry.getLink(), entry.getTitle()) != null) {
                    log.warn("source {}: dropped an entry whose guid, link and title are each longer than {} "
                            + "characters or hold control characters: none can be its id", source.id(), ItemJson.MAX_ID);
                }
                continue;
            }
            Instant published = published(entry);
            Optional<String> absurd = published == null ? Optional.empty() : PublicationDates.problem(published, now);
            if (absurd.isPresent()) {
                log.warn("source {}: dropped item {}: its date {} {}", source.id(), LogSafe.escape(id), published,
                        absurd.get());
                continue;
            }
            items.add(new NewsItem(id, source.id(), PlainText.title(entry.getTitle()), PlainText.text(text(entry)),
                    link(entry.getLink()), published, language));
        }
        return items;
    }

    /** Streams through the document once, in linear time, and refuses it past {@code maxDepth} nested elements. */
    static void requireDepthAtMost(String xml, int maxDepth) throws IOException {
        XMLStreamReader reader = null;
        try {
            reader = STAX.createXMLStreamReader(new StringReader(xml));
            int depth = 0;
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.START_ELEMENT && ++depth > maxDepth) {
                    throw new IOException("elements nested deeper than " + maxDepth + " (line "
                            + reader.getLocation().getLineNumber() + ")");
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    depth--;
                }
            }
        } catch (XMLStreamException e) {
            // not well-formed: ROME says so in its own words
        } finally {
            if (reader != null) {
                try {
                    reader.close();
                } catch (XMLStreamException ignored) {
                    // a reader over a string holds nothing to release
                }
            }
        }
    }

    /**
     * Decodes the body in its declared encoding and refuses bytes that are not valid in it,
     * rather than letting replacement characters into titles and evidence.
     */
    private static String decodeStrictly(byte[] body, String encoding) throws IOException {
        try {
            return Charset.forName(encoding).newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw new IOException("bytes that are not valid " + encoding + " (" + e.getMessage() + ")", e);
        }
    }

    private static String text(SyndEntry entry) {
        StringBuilder text = new StringBuilder();
        for (SyndContent content : entry.getContents()) {
            text.append(content.getValue()).append('\n');
        }
        if (text.isEmpty() && entry.getDescription() != null) {
            text.append(entry.getDescription().getValue());
        }
        return text.toString();
    }

    /** The entry's own date, or null: an undated entry stays undated so it cannot move a story clock. */
    private static Instant published(SyndEntry entry) {
        Date date = entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate();
        return date == null ? null : date.toInstant();
    }

    /** The link when it is one a pushed item could have ({@link ItemJson#MAX_URL} at most), else null. */
    private static String link(String link) {
        return link != null && link.length() <= ItemJson.MAX_URL && link.matches("(?i)https?://\\S+")
                && ControlCharacters.fitOneLine(link) ? link : null;
    }

    /**
     * The first candidate that can be an item's id as a pushed item's can: at most
     * {@link ItemJson#MAX_ID} characters, on one line. A megabyte guid would otherwise travel with
     * the item into the story stage and fail every poll of its feed, too large for the broker.
     */
    private static String firstUsableId(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                String id = value.strip();
                if (id.length() <= ItemJson.MAX_ID && ControlCharacters.fitOneLine(id)) {
                    return id;
                }
            }
        }
        return null;
    }

    private static String firstNonBlank(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value.strip();
            }
        }
        return null;
    }
}
