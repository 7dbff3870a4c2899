package io.lodestone.alert.console;

import io.lodestone.alert.lifecycle.ElementRiskRepository;
import io.lodestone.events.Element;
import io.lodestone.events.ElementRiskChanged;
import io.lodestone.events.Elements;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/** The element page: why an element's risk is where it is, and how it got there. */
@Controller
class ElementController {

    private final ElementRiskRepository risks;
    private final ElementPage page;

    ElementController(ElementRiskRepository risks, ElementPage page) {
        this.risks = risks;
        this.page = page;
    }

    @GetMapping("/elements/{symbol}")
    String element(@PathVariable String symbol, Model model) {
        Element element = Elements.bySymbol(symbol)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No tracked element " + symbol));
        ElementRiskChanged risk = risks.latest(symbol).orElse(null);
        model.addAttribute("element", element);
        model.addAttribute("risk", risk);
        model.addAttribute("row", BoardRow.of(element, risk, null, ""));
        model.addAttribute("chart", page.chartJson(element, risk));
        return "element";
    }

    /** Someone who typed a symbol that is not tracked gets a page saying so, not an API problem document. */
    @ExceptionHandler(ResponseStatusException.class)
    String notFound(ResponseStatusException refused, Model model, HttpServletResponse response) {
        response.setStatus(refused.getStatusCode().value());
        model.addAttribute("message", refused.getReason());
        return "not-found";
    }
}
