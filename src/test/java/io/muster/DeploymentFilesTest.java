package io.muster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** docker-compose.yml is well-formed Compose and passes every setting README documents. */
class DeploymentFilesTest {

    @SuppressWarnings("unchecked")
    private static Map<String, Object> compose() throws Exception {
        try (Reader in = Files.newBufferedReader(Path.of("docker-compose.yml"))) {
            return new Yaml().load(in);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void composeStartsPostgresMailpitAndMusterWithHealthChecks() throws Exception {
        Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) compose().get("services");
        assertThat(services).containsKeys("postgres", "mailpit", "muster");
        assertThat(services.get("postgres").get("image")).isEqualTo("postgres:16");
        services.forEach((name, service) -> assertThat(service).as(name).containsKey("healthcheck"));
        Map<String, Object> dependsOn = (Map<String, Object>) services.get("muster").get("depends_on");
        assertThat(dependsOn).containsKeys("postgres", "mailpit");
        Map<String, Object> env = (Map<String, Object>) services.get("muster").get("environment");
        assertThat(env.get("SPRING_PROFILES_ACTIVE")).isEqualTo("postgres");
    }

    @Test
    @SuppressWarnings("unchecked")
    void composeSetsEveryProductionVariableTheReadmeDocuments() throws Exception {
        Map<String, Object> env = (Map<String, Object>) ((Map<String, Map<String, Object>>) compose().get("services"))
                .get("muster").get("environment");
        Matcher variable = Pattern.compile("^\\| `([A-Z_]+)` \\|", Pattern.MULTILINE)
                .matcher(Files.readString(Path.of("README.md")));
        List<String> documented = variable.results().map(m -> m.group(1)).toList();
        assertThat(documented).contains("SPRING_DATASOURCE_URL", "MUSTER_SMTP_HOST", "MUSTER_IMAP_HOST",
                "MUSTER_MAIL_FROM", "MUSTER_BASE_URL");
        for (String name : documented) {
            if (!List.of("PORT", "MUSTER_DB_POOL_SIZE").contains(name)) {
                assertThat(env).as(name).containsKey(name);
            }
        }
    }
}
