package io.lodestone.ingest.extract;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Makes the committable labels of the real set: each item line without its {@code title} and
 * {@code text} (what we may commit: URLs, facts and our own labels). Run by hand (see the README):
 * {@code RealSetLabels <texts dir> <labels dir>} writes {@code labels-en.jsonl} and
 * {@code labels-zh.jsonl} from {@code items-en.jsonl} and {@code items-zh.jsonl}.
 */
public final class RealSetLabels {

    private RealSetLabels() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: RealSetLabels <texts dir> <labels dir>");
        }
        JsonMapper json = JsonMapper.builder().build();
        Files.createDirectories(Path.of(args[1]));
        for (String name : RealSet.FILES) {
            Path items = Path.of(args[0], "items-" + name + ".jsonl");
            if (!Files.isRegularFile(items)) {
                continue; // a collection whose texts are not on this machine keeps its committed labels
            }
            List<String> labels = new ArrayList<>();
            for (String line : Files.readAllLines(items, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    labels.add(json.writeValueAsString(withoutText((ObjectNode) json.readTree(line))));
                }
            }
            Files.write(Path.of(args[1], "labels-" + name + ".jsonl"), labels, StandardCharsets.UTF_8);
        }
    }

    static ObjectNode withoutText(ObjectNode item) {
        item.remove("title");
        item.remove("text");
        return item;
    }
}
