package io.lodestone.alert.bom.web;

import io.lodestone.alert.bom.Bom;
import io.lodestone.alert.bom.BomFormat;
import io.lodestone.alert.bom.Boms;
import io.lodestone.alert.bom.Deletion;
import io.lodestone.alert.bom.InvalidBomException;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Upload, list, read and delete bills of materials, and read a BOM's exposure. An upload is CSV
 * ({@code text/csv}, named by {@code ?name=}) or JSON ({@code application/json}, named in the
 * document or by {@code ?name=}); a bad one is a 400 problem listing every bad cell by line and
 * column, and nothing of it is stored.
 */
@RestController
@RequestMapping("/api/v1/boms")
class BomController {

    static final String TEXT_CSV = "text/csv";

    private final Boms boms;
    private final Exposures exposures;

    BomController(Boms boms, Exposures exposures) {
        this.boms = boms;
        this.exposures = exposures;
    }

    @PostMapping(consumes = TEXT_CSV)
    ResponseEntity<BomView> uploadCsv(@RequestParam(required = false) String name, @RequestBody String body) {
        return created(boms.upload(name, BomFormat.CSV, body));
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<BomView> uploadJson(@RequestParam(required = false) String name, @RequestBody String body) {
        return created(boms.upload(name, BomFormat.JSON, body));
    }

    @GetMapping
    List<Boms.Summary> list() {
        return boms.list();
    }

    @GetMapping("/{id}")
    BomView get(@PathVariable UUID id) {
        return BomView.of(existing(id));
    }

    @GetMapping("/{id}/exposure")
    ExposureView exposure(@PathVariable UUID id) {
        return exposures.of(existing(id));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        Deletion deletion = boms.delete(id);
        return switch (deletion) {
            case DELETED -> ResponseEntity.noContent().build();
            case NOT_FOUND -> throw notFound(id);
            case LINKED -> throw new ResponseStatusException(HttpStatus.CONFLICT,
                    "Bill of materials " + id + " is linked to a subscription; unlink or delete the subscription first");
        };
    }

    @ExceptionHandler(InvalidBomException.class)
    ProblemDetail invalid(InvalidBomException e) {
        return BomProblems.of(e);
    }

    private static ResponseEntity<BomView> created(Bom bom) {
        return ResponseEntity.created(URI.create("/api/v1/boms/" + bom.id())).body(BomView.of(bom));
    }

    private Bom existing(UUID id) {
        return boms.find(id).orElseThrow(() -> notFound(id));
    }

    private static ResponseStatusException notFound(UUID id) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "No bill of materials " + id);
    }
}
