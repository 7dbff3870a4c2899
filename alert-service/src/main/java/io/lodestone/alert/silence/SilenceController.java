package io.lodestone.alert.silence;

import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Create, list and end silences. An ended silence stays listed as history. */
@RestController
@RequestMapping("/api/v1/silences")
class SilenceController {

    private final SilenceService service;

    SilenceController(SilenceService service) {
        this.service = service;
    }

    @PostMapping
    ResponseEntity<Silence> create(@RequestBody SilenceRequest request) {
        Silence silence = service.create(request);
        return ResponseEntity.created(URI.create("/api/v1/silences/" + silence.id())).body(silence);
    }

    @GetMapping
    List<Silence> list(@RequestParam(defaultValue = "false") boolean active) {
        return service.list(active);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> expire(@PathVariable UUID id) {
        service.expire(id);
        return ResponseEntity.noContent().build();
    }
}
