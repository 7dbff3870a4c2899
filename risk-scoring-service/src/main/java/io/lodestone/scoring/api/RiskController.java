package io.lodestone.scoring.api;

import io.lodestone.events.Element;
import io.lodestone.events.Elements;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.streams.state.HostInfo;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/risk}: every tracked element, in catalogue order. {@code GET /api/v1/risk/{symbol}}:
 * one element with its baseline inputs and contributors; unknown symbols are a 404 problem.
 */
@RestController
@RequestMapping("/api/v1/risk")
class RiskController {

    private final RiskStateLocator locator;
    private final RiskViews views;
    private final RemoteRiskClient remote;

    RiskController(RiskStateLocator locator, RiskViews views, RemoteRiskClient remote) {
        this.locator = locator;
        this.views = views;
        this.remote = remote;
    }

    @GetMapping
    List<RiskSummary> all(@RequestParam(required = false) String scope,
                          @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        boolean localOnly = RemoteRiskClient.LOCAL_SCOPE.equals(scope);
        Map<String, RiskSummary> bySymbol = new LinkedHashMap<>();
        Map<HostInfo, List<String>> remoteSymbols = new LinkedHashMap<>();
        for (Element element : Elements.all()) {
            Optional<HostInfo> owner = localOnly ? Optional.empty() : locator.remoteOwnerOf(element.symbol());
            if (owner.isPresent()) {
                remoteSymbols.computeIfAbsent(owner.get(), host -> new ArrayList<>()).add(element.symbol());
                bySymbol.put(element.symbol(), null);
            } else {
                bySymbol.put(element.symbol(), views.summary(element.symbol(), locator.local(element.symbol())));
            }
        }
        remoteSymbols.forEach((host, symbols) -> remote.summaries(host, authorization).stream()
                .filter(summary -> symbols.contains(summary.element()))
                .forEach(summary -> bySymbol.put(summary.element(), summary)));
        return bySymbol.values().stream().filter(java.util.Objects::nonNull).toList();
    }

    @GetMapping("/{symbol}")
    RiskDetail one(@PathVariable String symbol, @RequestParam(required = false) String scope,
                   @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        String element = canonical(symbol);
        if (!RemoteRiskClient.LOCAL_SCOPE.equals(scope)) {
            Optional<HostInfo> owner = locator.remoteOwnerOf(element);
            if (owner.isPresent()) {
                return remote.detail(owner.get(), element, authorization);
            }
        }
        return views.detail(element, locator.local(element));
    }

    /** The catalogue's spelling of a symbol typed in any case ({@code dy} → {@code Dy}). */
    private static String canonical(String symbol) {
        return Elements.all().stream()
                .map(Element::symbol)
                .filter(known -> known.equalsIgnoreCase(symbol))
                .findFirst()
                .orElseThrow(() -> {
                    ErrorResponseException error = new ErrorResponseException(HttpStatus.NOT_FOUND);
                    error.setTitle("Unknown element");
                    error.setDetail("'" + symbol + "' is not a tracked element symbol.");
                    return error;
                });
    }
}
