package io.lodestone.ingest.source;

import io.lodestone.ingest.IngestProperties;
import io.lodestone.ingest.item.ItemJson;
import io.lodestone.ingest.item.PlainText;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.text.ParsePosition;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Elements;
import org.jsoup.select.NodeVisitor;
import org.jsoup.select.Selector;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads notice list pages and notice pages with the CSS selectors of an {@code html-list} source.
 * HTML is parsed by jsoup, which never resolves a DOCTYPE or an entity from outside the page, and
 * only text leaves here: markup, scripts and styles are dropped. When a selector finds nothing the
 * error names the selector and the page, because that is what an operator must change when a
 * publisher redesigns its site.
 */
final class HtmlPages {

    private static final Pattern CHARSET = Pattern.compile("(?i)charset\\s*=\\s*\"?([^\";\\s]+)");

    /** One notice as the list page shows it; {@code published} is null when the page gives no readable date. */
    record ListedNotice(String title, URI link, Instant published) {
    }

    /**
     * What one list page gave.
     *
     * @param notices    the notices, in page order
     * @param next       the next (older) list page, or null
     * @param problems   what was wrong with some notices, for the source status
     */
    record ListPage(List<ListedNotice> notices, URI next, List<String> problems) {
    }

    private HtmlPages() {
    }

    static ListPage listPage(byte[] body, String contentType, URI pageUrl, IngestProperties.HtmlMapping html)
            throws FetchException {
        Document page = parse(body, contentType, pageUrl);
        Elements items = select(page, html.item(), "list");
        if (items.isEmpty()) {
            throw new FetchException("list selector '" + html.item() + "' matched 0 items on " + pageUrl);
        }
        DateTimeFormatter dates = formatter(html);
        List<ListedNotice> notices = new ArrayList<>();
        int untitled = 0;
        int unlinked = 0;
        int undated = 0;
        for (Element item : items) {
            Element titled = first(item, html.title(), "title");
            String title = titled == null ? "" : PlainText.title(titled.text());
            if (title.isEmpty()) {
                untitled++;
                continue;
            }
            URI link = link(first(item, html.link(), "link"));
            if (link == null) {
                unlinked++;
                continue;
            }
            Instant published = null;
            if (html.date() != null) {
                Element dated = first(item, html.date(), "date");
                published = dated == null ? null : date(dated.text(), dates, html);
                if (published == null) {
                    undated++;
                }
            }
            notices.add(new ListedNotice(title, link, published));
        }
        if (notices.isEmpty()) {
            throw new FetchException("none of the " + items.size() + " items matched by list selector '" + html.item()
                    + "' on " + pageUrl + " has both a title (selector '" + html.title() + "': " + untitled
                    + " without) and a link (selector '" + html.link() + "': " + unlinked + " without)");
        }
        List<String> problems = new ArrayList<>();
        if (untitled + unlinked > 0) {
            problems.add((untitled + unlinked) + " of " + items.size() + " items on " + pageUrl + " skipped: "
                    + untitled + " without a title (selector '" + html.title() + "'), " + unlinked
                    + " without a link (selector '" + html.link() + "')");
        }
        if (undated > 0) {
            problems.add(undated + " of " + notices.size() + " notices on " + pageUrl + " left undated: date selector '"
                    + html.date() + "' found no date written as '" + html.datePattern() + "'");
        }
        URI next = html.nextPage() == null ? null : link(first(page, html.nextPage(), "next-page"));
        return new ListPage(List.copyOf(notices), next, List.copyOf(problems));
    }

    /** The notice's text: the body selector's element with its block structure kept as line breaks. */
    static String noticeText(byte[] body, String contentType, URI pageUrl, IngestProperties.HtmlMapping html)
            throws FetchException {
        Document page = parse(body, contentType, pageUrl);
        Element content = first(page, html.body(), "body");
        if (content == null) {
            throw new FetchException("body selector '" + html.body() + "' matched nothing on " + pageUrl);
        }
        content.select("script, style, noscript, template, iframe, object, svg, form, nav").remove();
        String text = PlainText.text(blockText(content));
        if (text == null || text.isBlank()) {
            throw new FetchException("body selector '" + html.body() + "' matched only empty elements on " + pageUrl);
        }
        return text;
    }

    private static Document parse(byte[] body, String contentType, URI pageUrl) throws FetchException {
        try {
            return Jsoup.parse(new ByteArrayInputStream(body), charset(contentType), pageUrl.toString());
        } catch (IOException | IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new FetchException("not a readable HTML page at " + pageUrl + ": " + e.getMessage(), e);
        }
    }

    /** The charset the server declared, or null to let jsoup find it in the BOM or a meta tag (else UTF-8). */
    private static String charset(String contentType) {
        if (contentType == null) {
            return null;
        }
        Matcher matcher = CHARSET.matcher(contentType);
        return matcher.find() && Charset.isSupported(matcher.group(1)) ? matcher.group(1) : null;
    }

    private static Elements select(Element root, String css, String what) throws FetchException {
        try {
            return root.select(css);
        } catch (Selector.SelectorParseException e) {
            throw new FetchException(what + " selector '" + css + "' is not valid CSS: " + e.getMessage(), e);
        }
    }

    private static Element first(Element root, String css, String what) throws FetchException {
        Elements found = select(root, css, what);
        return found.isEmpty() ? null : found.first();
    }

    /** An absolute http(s) link from the element's href, or null (javascript:, mailto:, empty). */
    private static URI link(Element element) {
        if (element == null) {
            return null;
        }
        Element anchor = element.hasAttr("href") ? element : element.selectFirst("a[href]");
        if (anchor == null) {
            return null;
        }
        String href = anchor.absUrl("href");
        // the link is the notice's id: no longer than a pushed item's may be
        if (href.length() > ItemJson.MAX_URL) {
            return null;
        }
        if (!href.regionMatches(true, 0, "http://", 0, 7) && !href.regionMatches(true, 0, "https://", 0, 8)) {
            return null;
        }
        try {
            URI uri = new URI(href.replace(" ", "%20"));
            return uri.getHost() == null ? null : uri;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static DateTimeFormatter formatter(IngestProperties.HtmlMapping html) throws FetchException {
        try {
            return DateTimeFormatter.ofPattern(html.datePattern(), Locale.ENGLISH);
        } catch (IllegalArgumentException e) {
            throw new FetchException("date pattern '" + html.datePattern() + "' is not valid: " + e.getMessage(), e);
        }
    }

    /**
     * The first date written in the pattern anywhere in the text ("[2025-10-09]", "发布时间：2025年10月9日"),
     * in the publisher's zone unless it states one; null if there is none.
     */
    static Instant date(String text, DateTimeFormatter formatter, IngestProperties.HtmlMapping html) {
        for (int start = 0; start < text.length(); start++) {
            if (!Character.isLetterOrDigit(text.charAt(start))) {
                continue;
            }
            ParsePosition position = new ParsePosition(start);
            TemporalAccessor parsed;
            try {
                parsed = formatter.parseUnresolved(text, position);
            } catch (IndexOutOfBoundsException e) {
                continue;
            }
            if (parsed == null || position.getErrorIndex() >= 0) {
                continue;
            }
            try {
                TemporalAccessor resolved = formatter.parse(text.substring(start, position.getIndex()));
                if (resolved.isSupported(ChronoField.OFFSET_SECONDS)) {
                    return ZonedDateTime.from(resolved).toInstant();
                }
                if (resolved.isSupported(ChronoField.HOUR_OF_DAY)) {
                    return LocalDateTime.from(resolved).atZone(html.zone()).toInstant();
                }
                return LocalDate.from(resolved).atStartOfDay(html.zone()).toInstant();
            } catch (java.time.DateTimeException e) {
                // not a real date at this position ("2025-13-45"): look further on
            }
        }
        return null;
    }

    /** Text with a line break at every block element and {@code <br>}, so paragraphs stay sentences apart. */
    private static String blockText(Element root) {
        StringBuilder text = new StringBuilder();
        root.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode textNode) {
                    text.append(textNode.text());
                } else if (node instanceof Element element && (element.isBlock() || "br".equals(element.normalName()))) {
                    text.append('\n');
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element element && element.isBlock()) {
                    text.append('\n');
                }
            }
        });
        return text.toString().replaceAll("[ \\t\\u00A0\\u3000]+", " ").replaceAll(" ?\\n[\\n ]*", "\n").strip();
    }

    /** Where the list answer is, in the JSON a list unit answers with (TRS-style sites). */
    static final String LIST_UNIT_HTML = "/data/html";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * The request a list-loading script would make: the element's {@code url} attribute resolved
     * against the page, with the {@code querydata} attribute (a JSON object, often in single
     * quotes) as query parameters, and the first page of the list asked for when it does not say.
     */
    static URI listUnitUrl(byte[] body, String contentType, URI pageUrl, String selector) throws FetchException {
        Element unit = first(parse(body, contentType, pageUrl), selector, "list-unit");
        if (unit == null || !unit.hasAttr("url")) {
            throw new FetchException("list-unit selector '" + selector + "' matched no element with a url attribute on "
                    + pageUrl);
        }
        Map<String, String> query = new LinkedHashMap<>();
        if (unit.hasAttr("querydata")) {
            try {
                JSON.readTree(unit.attr("querydata").replace('\'', '"')).properties()
                        .forEach(field -> query.put(field.getKey(), field.getValue().isString()
                                ? field.getValue().asString() : field.getValue().toString()));
            } catch (JacksonException e) {
                throw new FetchException("the querydata of list-unit '" + selector + "' on " + pageUrl
                        + " is not a JSON object: " + e.getOriginalMessage(), e);
            }
        }
        query.putIfAbsent("pageNum", "1");
        query.putIfAbsent("pageSize", "15");
        String encoded = query.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        try {
            URI base = pageUrl.resolve(unit.attr("url").strip());
            return URI.create(base.toString().replaceFirst("\\?.*$", "") + "?" + encoded);
        } catch (IllegalArgumentException e) {
            throw new FetchException("the url of list-unit '" + selector + "' on " + pageUrl + " is not a URL", e);
        }
    }

    /** The list's HTML from a list unit's JSON answer. */
    static byte[] htmlInJson(byte[] body, URI unitUrl) throws FetchException {
        JsonNode html;
        try {
            html = JSON.readTree(body).at(LIST_UNIT_HTML);
        } catch (JacksonException e) {
            throw new FetchException("the list answer from " + unitUrl + " is not JSON: " + e.getOriginalMessage(), e);
        }
        if (!html.isString()) {
            throw new FetchException("the list answer from " + unitUrl + " has no HTML at " + LIST_UNIT_HTML);
        }
        return html.asString().getBytes(StandardCharsets.UTF_8);
    }
}
