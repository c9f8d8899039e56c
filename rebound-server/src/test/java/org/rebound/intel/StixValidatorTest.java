package org.rebound.intel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class StixValidatorTest {

    private static final StixValidator VALIDATOR = StixValidator.load();
    private final JsonMapper json = JsonMapper.builder().build();

    private JsonNode example(String name) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/stix/" + name)) {
            return json.readTree(in);
        }
    }

    @Test
    void oasisExampleBundlesAreValid() throws IOException {
        assertThat(VALIDATOR.validate(example("indicator-for-c2-ip-address.json"))).isEmpty();
        assertThat(VALIDATOR.validate(example("malicious-email-indicator-with-attachment.json"))).isEmpty();
    }

    @Test
    void aBrokenPatternAMisnamedIdAndTimeRunningBackwardsAreEachReportedWhereTheyAre() throws IOException {
        ObjectNode bundle = (ObjectNode) example("indicator-for-c2-ip-address.json");
        ObjectNode indicator = null;
        for (JsonNode object : bundle.get("objects")) {
            if (object.get("type").asString().equals("indicator")) {
                indicator = (ObjectNode) object;
            }
        }
        indicator.put("pattern", "[ipv4-addr:value = '198.51.100.3'");
        indicator.put("modified", "2010-01-01T00:00:00.000Z");
        indicator.put("id", "malware--" + indicator.get("id").asString().substring("indicator--".length()));

        var problems = VALIDATOR.validate(bundle);

        assertThat(problems).extracting(StixValidator.Problem::message)
                .anySatisfy(message -> assertThat(message).startsWith("not a valid STIX pattern: column"))
                .anySatisfy(message -> assertThat(message).isEqualTo("is before created"))
                .anySatisfy(message -> assertThat(message).contains("must start with its type, 'indicator--'"));
        assertThat(problems).extracting(StixValidator.Problem::path).contains("/objects/0/pattern", "/objects/0/modified");
    }

    @Test
    void theSchemasCatchWhatTheyCover() throws IOException {
        ObjectNode bundle = (ObjectNode) example("indicator-for-c2-ip-address.json");
        ((ObjectNode) bundle.get("objects").get(0)).remove("pattern_type");

        assertThat(VALIDATOR.validate(bundle))
                .containsExactly(new StixValidator.Problem("/objects/0", "required property 'pattern_type' not found"));
        assertThat(VALIDATOR.validate(json.readTree("{\"type\": \"report\"}")))
                .extracting(StixValidator.Problem::message).containsExactly("not a STIX bundle: a JSON object with \"type\": \"bundle\" is expected");
    }

    @Test
    void patternsFollowTheStixGrammar() {
        assertThat(StixPatterns.syntaxErrors("[file:hashes.'SHA-256' = 'aec070645fe53ee3b3763059376134f058cc337247c978add178b6ccdfb0019f']")).isEmpty();
        assertThat(StixPatterns.syntaxErrors("[domain-name:value = 'evil.com'] AND [ipv4-addr:value = '10.0.0.1']")).isEmpty();
        assertThat(StixPatterns.syntaxErrors("domain-name:value = 'evil.com'")).isNotEmpty();
        assertThat(StixPatterns.syntaxErrors("[url:value = 'unterminated]")).isNotEmpty();
    }
}
