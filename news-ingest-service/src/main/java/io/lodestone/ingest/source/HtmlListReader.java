package io.lodestone.ingest.source;

import io.lodestone.ingest.IngestProperties;
import io.lodestone.ingest.item.NewsItem;
import io.lodestone.ingest.item.PublicationDates;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads an {@code html-list} source: the list page (conditional GET), older list pages while every
 * notice on them is new (up to {@code max-pages}), then each notice not read before, once (up to
 * {@code max-new} per poll, and for at most {@link #POLL_BUDGET}). robots.txt is asked before every
 * page; a disallowed page is skipped and reported. A notice whose page fails is reported and tried again next poll: the list's
 * validators are then not kept, so a 304 cannot hide it. A list page that does not match its
 * selectors fails the poll with the selector named.
 */
class HtmlListReader {

    /** What one poll found. {@code validators} are those to send next time. */
    record Harvest(List<NewsItem> items, HttpFetcher.Validators validators, boolean notModified, List<String> problems) {
    }

    /**
     * How long one poll may spend on notice pages before the rest wait for the next poll: each page
     * is paced per host and may take a fetch's whole deadline, and a poll holds one of the pollers'
     * few threads, so a slow site (or one that asks for a long crawl delay) must not keep them for
     * hours and leave every other source unpolled.
     */
    static final Duration POLL_BUDGET = Duration.ofMinutes(5);

    private final HttpFetcher fetcher;
    private final RobotsPolicy robots;
    private final SeenNotices seen;
    private final Duration budget;

    HtmlListReader(HttpFetcher fetcher, RobotsPolicy robots, SeenNotices seen) {
        this(fetcher, robots, seen, POLL_BUDGET);
    }

    HtmlListReader(HttpFetcher fetcher, RobotsPolicy robots, SeenNotices seen, Duration budget) {
        this.fetcher = fetcher;
        this.robots = robots;
        this.seen = seen;
        this.budget = budget;
    }

    Harvest read(IngestProperties.Source source, HttpFetcher.Validators previous, Instant now) throws FetchException {
        long deadline = System.nanoTime() + budget.toNanos();
        IngestProperties.HtmlMapping html = source.html();
        RobotsPolicy.Verdict verdict = robots.check(source, source.url());
        if (!verdict.allowed()) {
            throw new FetchException(verdict.reason() + "; the list page is not read");
        }
        if (html.listUnit() != null) {
            // The page only holds the script that loads the list: its validators say nothing about the list.
            previous = HttpFetcher.Validators.NONE;
        }
        HttpFetcher.Fetched first = fetcher.fetch(source, previous);
        if (first.notModified()) {
            return new Harvest(List.of(), previous, true, List.of());
        }
        List<String> problems = new ArrayList<>();
        Map<URI, HtmlPages.ListedNotice> fresh = new LinkedHashMap<>();
        HtmlPages.ListPage page = html.listUnit() == null
                ? HtmlPages.listPage(first.body(), first.contentType(), source.url(), html)
                : loadedList(source, first);
        for (int pages = 1; ; pages++) {
            problems.addAll(page.problems());
            boolean allNew = true;
            for (HtmlPages.ListedNotice notice : page.notices()) {
                if (seen.seen(source.id(), notice.link().toString())) {
                    allNew = false;
                } else {
                    fresh.putIfAbsent(notice.link(), notice);
                }
            }
            if (!allNew || page.next() == null || pages >= html.maxPages()) {
                break;
            }
            Optional<HtmlPages.ListPage> next = nextPage(source, page.next(), problems);
            if (next.isEmpty()) {
                break;
            }
            page = next.get();
        }
        boolean complete = true;
        if (fresh.size() > html.maxNew()) {
            problems.add((fresh.size() - html.maxNew()) + " more new notices wait for the next poll (max-new "
                    + html.maxNew() + ")");
            complete = false;
        }
        List<NewsItem> items = new ArrayList<>();
        List<HtmlPages.ListedNotice> due = fresh.values().stream().limit(html.maxNew()).toList();
        for (int i = 0; i < due.size(); i++) {
            if (i > 0 && System.nanoTime() - deadline > 0) {
                problems.add((due.size() - i) + " more new notices wait for the next poll (this poll's "
                        + budget.toMinutes() + " min for notice pages are spent)");
                complete = false;
                break;
            }
            HtmlPages.ListedNotice notice = due.get(i);
            try {
                notice(source, notice, now, problems).ifPresent(items::add);
            } catch (FetchException e) {
                problems.add("notice " + notice.link() + " failed: " + e.getMessage());
                complete = false;
            }
        }
        return new Harvest(items, complete && html.listUnit() == null ? first.validators() : HttpFetcher.Validators.NONE,
                false, List.copyOf(problems));
    }

    /** The list a script on the page loads: its request is read from the page, then asked like the page would. */
    private HtmlPages.ListPage loadedList(IngestProperties.Source source, HttpFetcher.Fetched page) throws FetchException {
        URI unit = HtmlPages.listUnitUrl(page.body(), page.contentType(), source.url(), source.html().listUnit());
        RobotsPolicy.Verdict verdict = robots.check(source, unit);
        if (!verdict.allowed()) {
            throw new FetchException(verdict.reason() + "; the list is not read");
        }
        HttpFetcher.Fetched answer = fetcher.fetchLinked(source, unit, "application/json");
        return HtmlPages.listPage(HtmlPages.htmlInJson(answer.body(), unit), "text/html; charset=utf-8", source.url(),
                source.html());
    }

    private Optional<HtmlPages.ListPage> nextPage(IngestProperties.Source source, URI next, List<String> problems) {
        RobotsPolicy.Verdict verdict = robots.check(source, next);
        if (!verdict.allowed()) {
            problems.add(verdict.reason() + "; older list pages not read");
            return Optional.empty();
        }
        try {
            HttpFetcher.Fetched fetched = fetcher.fetchLinked(source, next, "text/html");
            return Optional.of(HtmlPages.listPage(fetched.body(), fetched.contentType(), next, source.html()));
        } catch (FetchException e) {
            problems.add("list page " + next + " failed: " + e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * The notice as an item, or empty when it is skipped for good (robots.txt, absurd date).
     *
     * @throws FetchException when its page failed and should be tried again next poll
     */
    private Optional<NewsItem> notice(IngestProperties.Source source, HtmlPages.ListedNotice notice, Instant now,
                                      List<String> problems) throws FetchException {
        RobotsPolicy.Verdict verdict = robots.check(source, notice.link());
        if (!verdict.allowed()) {
            problems.add(verdict.reason() + "; notice '" + notice.title() + "' skipped");
            return Optional.empty();
        }
        if (notice.published() != null) {
            Optional<String> absurd = PublicationDates.problem(notice.published(), now);
            if (absurd.isPresent()) {
                problems.add("notice " + notice.link() + " dropped: its date " + notice.published() + " " + absurd.get());
                return Optional.empty();
            }
        }
        HttpFetcher.Fetched page = fetcher.fetchLinked(source, notice.link(), "text/html");
        String text = HtmlPages.noticeText(page.body(), page.contentType(), notice.link(), source.html());
        return Optional.of(new NewsItem(notice.link().toString(), source.id(), notice.title(), text,
                notice.link().toString(), notice.published(), source.language()));
    }
}
