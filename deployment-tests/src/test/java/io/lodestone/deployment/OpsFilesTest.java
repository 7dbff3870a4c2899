package io.lodestone.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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
    void prometheusConfigsPassPromtool() {
        Tools.require("promtool");

        for (String config : List.of("ops/prometheus/prometheus.local.yml")) {
            Tools.Result result = Tools.run(List.of("promtool", "check", "config", "--syntax-only", config));
            assertThat(result.exitCode()).as(config + ": " + result.output()).isZero();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void dashboardsQueryTheProvisionedDatasource() throws IOException {
        Path root = Tools.repositoryRoot().resolve("ops/grafana");
        Map<String, Object> datasources;
        try (Reader reader = Files.newBufferedReader(root.resolve("provisioning/datasources/prometheus.yml"))) {
            datasources = new Yaml().load(reader);
        }
        String uid = ((List<Map<String, Object>>) datasources.get("datasources")).get(0).get("uid").toString();
        try (var files = Files.list(root.resolve("dashboards"))) {
            for (Path dashboard : files.toList()) {
                Map<String, Object> json = new Yaml().load(Files.readString(dashboard));
                List<Map<String, Object>> panels = (List<Map<String, Object>>) json.get("panels");
                assertThat(panels).as(dashboard.toString()).isNotEmpty().allSatisfy(panel -> {
                    assertThat(((Map<String, Object>) panel.get("datasource")).get("uid")).isEqualTo(uid);
                    assertThat((List<?>) panel.get("targets")).isNotEmpty();
                });
            }
        }
    }
}
