package io.lodestone.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The operators' side: alerting rules that Prometheus accepts, and dashboards that Grafana's
 * provisioning will load. (That every metric they name is exported is checked against the running
 * system by local-stack's end-to-end test.)
 */
class OpsFilesTest {

    @Test
    void alertingRulesPassPromtool() {
        Tools.require("promtool");

        Tools.Result result = Tools.run(List.of("promtool", "check", "rules", "ops/prometheus/rules.yml"));

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("SUCCESS");
    }

    @Test
    void alertingRulesPassTheirUnitTests() {
        Tools.require("promtool");

        Tools.Result result = Tools.run(List.of("promtool", "test", "rules", "ops/prometheus/rules.test.yml"));

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("SUCCESS");
    }

    @Test
    void everyAlertLinksItsSectionOfTheRunbooks() throws IOException {
        Set<String> anchors = headingAnchors(Files.readString(Tools.repositoryRoot().resolve(RUNBOOKS)));

        List<Map<String, Object>> rules = alertingRules();
        assertThat(rules).isNotEmpty().allSatisfy(rule -> {
            String url = String.valueOf(annotations(rule).get("runbook_url"));
            assertThat(url).as("runbook_url of %s", rule.get("alert")).startsWith(RUNBOOKS + "#");
            assertThat(anchors).as("sections of %s", RUNBOOKS).contains(url.substring(url.indexOf('#') + 1));
        });
    }

    /**
     * A runbook nobody has followed is a guess: each alert's section names the tests that follow
     * it (its "Drilled by" line), and every test named there exists, so renaming or deleting one
     * breaks this until the runbook is brought along.
     */
    @Test
    void everyAlertsRunbookNamesTheTestsThatFollowItAndThoseTestsExist() throws IOException {
        String runbooks = Files.readString(Tools.repositoryRoot().resolve(RUNBOOKS));
        Set<String> testClasses = testClassNames();

        for (Map<String, Object> rule : alertingRules()) {
            String alert = String.valueOf(rule.get("alert"));
            List<String> section = section(runbooks, alert);
            assertThat(section).as("section of %s in %s", alert, RUNBOOKS).isNotEmpty();
            String drill = section.stream().filter(line -> line.startsWith("**Drilled by**:")).findFirst()
                    .orElseThrow(() -> new AssertionError(alert + "'s runbook names no test that follows it"));
            List<String> named = Pattern.compile("`([A-Z][a-z]+[A-Z][A-Za-z0-9]*)`").matcher(drill).results()
                    .map(match -> match.group(1)).toList();
            assertThat(named).as("tests named by %s's runbook", alert).isNotEmpty();
            assertThat(testClasses).as("test classes in the repository").containsAll(named);
        }
    }

    /** The lines under the heading {@code ## name}, up to the next heading outside a code block. */
    private static List<String> section(String markdown, String name) {
        List<String> lines = new java.util.ArrayList<>();
        boolean inside = false;
        boolean code = false;
        for (String line : markdown.lines().toList()) {
            if (line.startsWith("```")) {
                code = !code;
            }
            if (!code && line.startsWith("#")) {
                inside = line.equals("## " + name);
                continue;
            }
            if (inside) {
                lines.add(line);
            }
        }
        return lines;
    }

    private static Set<String> testClassNames() throws IOException {
        try (var files = Files.walk(Tools.repositoryRoot())) {
            return files.filter(file -> file.toString().contains("/src/test/java/"))
                    .map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith("Test.java"))
                    .map(name -> name.substring(0, name.length() - ".java".length()))
                    .collect(Collectors.toSet());
        }
    }

    @Test
    void everyServiceIsWatchedForBeingDownAndForBeingAbsent() throws IOException {
        String expressions = alertingRules().stream().map(rule -> String.valueOf(rule.get("expr")))
                .reduce("", String::concat);
        for (String service : SERVICES) {
            assertThat(expressions).contains("absent(up{application=\"" + service + "\"})").contains(service);
        }
        assertThat(expressions).contains("up{application=~\"" + String.join("|", SERVICES) + "\"} == 0");
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyScrapeConfigNamesTheServiceInTheApplicationLabelTheRulesSelectOn() throws IOException {
        for (String config : List.of("ops/prometheus/prometheus.local.yml", "ops/prometheus/prometheus.compose.yml")) {
            Map<String, Object> prometheus = yaml(config);
            List<String> applications = ((List<Map<String, Object>>) prometheus.get("scrape_configs")).stream()
                    .flatMap(job -> ((List<Map<String, Object>>) job.get("static_configs")).stream())
                    .map(target -> String.valueOf(((Map<String, Object>) target.get("labels")).get("application")))
                    .toList();
            assertThat(applications).as(config).containsExactlyInAnyOrderElementsOf(SERVICES);
        }
    }

    /** The anchors a Markdown renderer gives the headings: lower case, punctuation dropped, spaces to dashes. */
    static Set<String> headingAnchors(String markdown) {
        return markdown.lines().filter(line -> line.startsWith("#"))
                .map(line -> line.replaceFirst("^#+\\s*", "").trim().toLowerCase(Locale.ROOT)
                        .replaceAll("[^a-z0-9 _-]", "").replace(' ', '-'))
                .collect(Collectors.toSet());
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> alertingRules() throws IOException {
        List<Map<String, Object>> groups = (List<Map<String, Object>>) yaml(RULES).get("groups");
        return groups.stream().flatMap(group -> ((List<Map<String, Object>>) group.get("rules")).stream()).toList();
    }

    static Map<String, Object> yaml(String file) throws IOException {
        try (Reader reader = Files.newBufferedReader(Tools.repositoryRoot().resolve(file))) {
            return new Yaml().load(reader);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> annotations(Map<String, Object> rule) {
        return (Map<String, Object>) rule.get("annotations");
    }

    static final String RULES = "ops/prometheus/rules.yml";
    private static final String RUNBOOKS = "ops/runbooks/README.md";
    private static final List<String> SERVICES = List.of("news-ingest-service", "risk-scoring-service", "alert-service");

    @Test
    void prometheusConfigsPassPromtool() {
        Tools.require("promtool");

        for (String config : List.of("ops/prometheus/prometheus.local.yml")) {
            Tools.Result result = Tools.run(List.of("promtool", "check", "config", "--syntax-only", config));
            assertThat(result.exitCode()).as(config + ": " + result.output()).isZero();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void dashboardsQueryADatasourceVariableThatDefaultsToTheProvisionedOne() throws IOException {
        Path root = Tools.repositoryRoot().resolve("ops/grafana");
        Map<String, Object> datasources;
        try (Reader reader = Files.newBufferedReader(root.resolve("provisioning/datasources/prometheus.yml"))) {
            datasources = new Yaml().load(reader);
        }
        String uid = ((List<Map<String, Object>>) datasources.get("datasources")).get(0).get("uid").toString();
        try (var files = Files.list(root.resolve("dashboards"))) {
            for (Path dashboard : files.toList()) {
                Map<String, Object> json = new Yaml().load(Files.readString(dashboard));
                List<Map<String, Object>> variables = (List<Map<String, Object>>) ((Map<String, Object>) json.get("templating")).get("list");
                Map<String, Object> datasource = variables.stream().filter(v -> "datasource".equals(v.get("type")))
                        .findFirst().orElseThrow(() -> new AssertionError(dashboard + " has no datasource variable"));
                assertThat(datasource.get("query")).isEqualTo("prometheus");
                assertThat(((Map<String, Object>) datasource.get("current")).get("value")).isEqualTo(uid);
                List<Map<String, Object>> panels = (List<Map<String, Object>>) json.get("panels");
                assertThat(panels).as(dashboard.toString()).isNotEmpty().allSatisfy(panel -> {
                    assertThat(((Map<String, Object>) panel.get("datasource")).get("uid"))
                            .isEqualTo("${" + datasource.get("name") + "}");
                    assertThat((List<?>) panel.get("targets")).isNotEmpty();
                });
            }
        }
    }

}
