package io.lodestone.alert.bom.web;

import io.lodestone.alert.bom.Bom;
import io.lodestone.alert.bom.BomFormat;
import io.lodestone.alert.bom.Boms;
import io.lodestone.alert.bom.Deletion;
import io.lodestone.alert.bom.InvalidBomException;
import io.lodestone.service.api.LimitReachedException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The console's BOM pages: {@code /boms} lists them and uploads a file (or pasted text), with the
 * same checks as the API; a bad upload shows every bad cell by line and column and stores nothing.
 * {@code /boms/{id}} shows kg/yr per element next to each element's level, as a table and a chart.
 */
@Controller
class BomPages {

    private final Boms boms;
    private final Exposures exposures;

    BomPages(Boms boms, Exposures exposures) {
        this.boms = boms;
        this.exposures = exposures;
    }

    @GetMapping("/boms")
    String list(Model model) {
        model.addAttribute("boms", boms.list());
        model.addAttribute("formats", BomFormat.values());
        model.addAttribute("errors", List.of());
        return "boms";
    }

    /**
     * @param file    an uploaded .csv or .json file; when absent, {@code content} is the pasted text
     * @param format  CSV or JSON; a file's name ending in .json means JSON when this is not given
     */
    @PostMapping("/boms")
    String upload(@RequestParam(required = false) String name, @RequestParam(required = false) MultipartFile file,
                  @RequestParam(required = false) String content, @RequestParam(required = false) BomFormat format,
                  Model model, HttpServletResponse response) throws IOException {
        boolean hasFile = file != null && !file.isEmpty();
        String text = hasFile ? new String(file.getBytes(), StandardCharsets.UTF_8) : content == null ? "" : content;
        BomFormat chosen = format != null ? format : hasFile && file.getOriginalFilename() != null
                && file.getOriginalFilename().toLowerCase(Locale.ROOT).endsWith(".json") ? BomFormat.JSON : BomFormat.CSV;
        try {
            Bom bom = boms.upload(name, chosen, text);
            return "redirect:/boms/" + bom.id();
        } catch (LimitReachedException full) {
            response.setStatus(HttpStatus.CONFLICT.value());
            model.addAttribute("errors", List.of());
            model.addAttribute("limit", full.getMessage());
            return refused(model, name, hasFile ? null : content, chosen);
        } catch (InvalidBomException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("errors", e.errors());
            model.addAttribute("summary", e.getMessage());
            return refused(model, name, hasFile ? null : content, chosen);
        }
    }

    /** The list and the upload form again, filled in as sent (a pasted text; a file must be chosen again). */
    private String refused(Model model, String name, String pasted, BomFormat format) {
        model.addAttribute("boms", boms.list());
        model.addAttribute("formats", BomFormat.values());
        model.addAttribute("name", name);
        model.addAttribute("content", pasted);
        model.addAttribute("format", format);
        return "boms";
    }

    @GetMapping("/boms/{id}")
    String show(@PathVariable UUID id, Model model) {
        Bom bom = boms.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No bill of materials " + id));
        ExposureView exposure = exposures.of(bom);
        model.addAttribute("bom", BomView.of(bom));
        model.addAttribute("exposure", exposure);
        model.addAttribute("chart", ExposureChart.of(exposure));
        return "bom";
    }

    @PostMapping("/boms/{id}/delete")
    String delete(@PathVariable UUID id, RedirectAttributes redirect) {
        Deletion deletion = boms.delete(id);
        if (deletion == Deletion.LINKED) {
            redirect.addFlashAttribute("problem", "This bill of materials is linked to a subscription: unlink or delete the subscription first.");
            return "redirect:/boms/" + id;
        }
        return "redirect:/boms";
    }
}
