package io.lodestone.alert.console;

import io.lodestone.events.Elements;
import io.lodestone.events.RiskLevel;
import io.lodestone.service.security.ClientNetworks;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The risk board: every tracked element, grouped and filterable. Each row reloads itself when the
 * board's event stream says its element's risk changed, so an open board stays current without a
 * reload.
 */
@Controller
class BoardController {

    private final RiskBoard board;
    private final BoardEvents events;

    BoardController(RiskBoard board, BoardEvents events) {
        this.board = board;
        this.events = events;
    }

    @GetMapping("/")
    String board(@RequestParam(required = false) String q, @RequestParam(required = false) RiskLevel minLevel,
                 @RequestParam(required = false) BoardSection section, Model model) {
        Map<BoardSection, List<BoardRow>> sections = new LinkedHashMap<>();
        Arrays.stream(BoardSection.values()).forEach(s -> sections.put(s, new ArrayList<>()));
        board.rows().stream().filter(row -> row.matches(q, minLevel, section))
                .forEach(row -> sections.get(row.section()).add(row));
        sections.values().removeIf(List::isEmpty);
        model.addAttribute("sections", sections);
        model.addAttribute("q", q);
        model.addAttribute("minLevel", minLevel);
        model.addAttribute("section", section);
        model.addAttribute("levels", RiskLevel.values());
        model.addAttribute("allSections", BoardSection.values());
        return "board";
    }

    /** One row, as the board swaps it in when its element's risk changes. */
    @GetMapping("/board/rows/{symbol}")
    String row(@PathVariable String symbol, Model model) {
        model.addAttribute("row", board.row(Elements.bySymbol(symbol)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No element " + symbol))));
        return "board :: row";
    }

    @GetMapping(path = "/board/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter events(HttpServletRequest request) {
        return events.subscribe(ClientNetworks.of(request.getRemoteAddr()));
    }
}
