package dev.auditsdk.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.auditsdk.core.spi.util.Json;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretTest {
    private static final String VALUE = "s3cr3t-Value!";

    @Test
    void toStringIsRedacted() {
        assertThat(Secret.of(VALUE).toString()).isEqualTo("****");
    }

    @Test
    void revealReturnsTheValue() {
        assertThat(Secret.of(VALUE).reveal()).isEqualTo(VALUE);
    }

    @Test
    void equalValuesAreEqualWithEqualHashCodes() {
        assertThat(Secret.of(VALUE)).isEqualTo(Secret.of(VALUE)).hasSameHashCodeAs(Secret.of(VALUE));
        assertThat(Secret.of(VALUE)).isNotEqualTo(Secret.of(VALUE + "x")).isNotEqualTo(VALUE);
    }

    @Test
    void hashCodeIsNotTheStringHashCode() {
        assertThat(Secret.of(VALUE).hashCode()).isNotEqualTo(VALUE.hashCode());
    }

    @Test
    void rejectsNullAndBlank() {
        assertThatThrownBy(() -> Secret.of(null)).isInstanceOf(NullPointerException.class).hasMessage("secret");
        assertThatThrownBy(() -> Secret.of(" \t")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("secret");
    }

    @Test
    void jacksonWritesTheRedactedForm() throws Exception {
        ObjectMapper mapper = Json.mapper();
        assertThat(mapper.writeValueAsString(Secret.of(VALUE))).isEqualTo("\"****\"");
        assertThat(mapper.writeValueAsString(Map.of("password", Secret.of(VALUE))))
                .isEqualTo("{\"password\":\"****\"}");
    }

    @Test
    void jacksonReadsAStringIntoASecret() throws Exception {
        assertThat(Json.mapper().readValue("\"" + VALUE + "\"", Secret.class).reveal()).isEqualTo(VALUE);
    }
}
