package dev.auditsdk.core.spi.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.auditsdk.core.spi.auth.AuthHeaders;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import dev.auditsdk.core.http.Operation;

class HttpRequestSpecTest {
    private static final URI BASE = URI.create("https://api.example.com/v1/logs");

    @Test
    void queryValuesAreEncodedWithPercentTwentyForSpacesAndReservedCharacters() {
        HttpRequestSpec spec = HttpRequestSpec.get(BASE).query("from date", "2026-01-01T00:00:00+01:00")
                .query("q", "a&b=c d").build();
        assertThat(spec.uri().getRawQuery())
                .isEqualTo("from%20date=2026-01-01T00%3A00%3A00%2B01%3A00&q=a%26b%3Dc%20d");
        assertThat(spec.uri().getQuery()).isEqualTo("from date=2026-01-01T00:00:00+01:00&q=a&b=c d");
    }

    @Test
    void aQueryIsAppendedToOneTheUrlAlreadyHas() {
        HttpRequestSpec spec = HttpRequestSpec.get(URI.create("https://api.example.com/logs?page=2")).query("size", 50)
                .build();
        assertThat(spec.uri()).hasToString("https://api.example.com/logs?page=2&size=50");
    }

    @Test
    void aQueryIsNotLostIntoAFragmentOfTheBaseUrl() {
        HttpRequestSpec spec = HttpRequestSpec.get(URI.create("https://api.example.com/logs#top")).query("size", 50)
                .build();
        assertThat(spec.uri().getRawQuery()).isEqualTo("size=50");
    }

    @Test
    void withoutQueryParametersTheUrlIsKeptAsGiven() {
        URI uri = URI.create("https://api.example.com/logs?x=%2F");
        assertThat(HttpRequestSpec.get(uri).build().uri()).isSameAs(uri);
    }

    @Test
    void rawQueryValuesAreSentAsGivenButTheirNameIsEncoded() {
        HttpRequestSpec spec = HttpRequestSpec.get(BASE).rawQuery("$filter", "Date%20ge%202026-01-01").query("n", 1)
                .build();
        assertThat(spec.uri().getRawQuery()).isEqualTo("%24filter=Date%20ge%202026-01-01&n=1");
    }

    @Test
    void describeLeavesOutTheQueryWhichMayCarryFilters() {
        HttpRequestSpec spec = HttpRequestSpec.get(URI.create("https://user.example.com:8443/a%20b/c")).query("token", "x")
                .build();
        assertThat(spec.describe()).isEqualTo("GET https://user.example.com:8443/a%20b/c");
        assertThat(spec.toString()).isEqualTo("HttpRequestSpec{GET https://user.example.com:8443/a%20b/c}").doesNotContain("token");
    }

    @ParameterizedTest
    @CsvSource({"GET,true", "HEAD,true", "PUT,true", "DELETE,true", "OPTIONS,true", "POST,false", "PATCH,false"})
    void onlyIdempotentMethodsAreRetrySafeByDefault(String method, boolean safe) {
        assertThat(HttpRequestSpec.method(method, BASE).build().retrySafe()).isEqualTo(safe);
    }

    @Test
    void methodIsUpperCasedAndRetrySafetyFollowsTheUpperCasedName() {
        HttpRequestSpec spec = HttpRequestSpec.method("delete", BASE).build();
        assertThat(spec.method()).isEqualTo("DELETE");
        assertThat(spec.retrySafe()).isTrue();
        assertThat(spec.describe()).startsWith("DELETE ");
    }

    @Test
    void retrySafetyCanBeOverriddenBothWays() {
        assertThat(HttpRequestSpec.post(BASE).retrySafe(true).build().retrySafe()).isTrue();
        assertThat(HttpRequestSpec.get(BASE).retrySafe(false).build().retrySafe()).isFalse();
    }

    @Test
    void defaultsArePageAuthenticatedNoCredentialsNoBody() {
        HttpRequestSpec spec = HttpRequestSpec.get(BASE).build();
        assertThat(spec.operation()).isEqualTo(Operation.PAGE);
        assertThat(spec.authenticated()).isTrue();
        assertThat(spec.credentials()).isSameAs(AuthHeaders.none());
        assertThat(spec.body()).isEmpty();
        assertThat(spec.bodyOrNull()).isNull();
        assertThat(spec.headers()).isEmpty();
    }

    @Test
    void theBodyIsCopiedInAndOutSoTheSpecStaysImmutable() {
        byte[] bytes = "abc".getBytes(StandardCharsets.UTF_8);
        HttpRequestSpec spec = HttpRequestSpec.post(BASE).body(bytes, "text/plain").build();
        bytes[0] = 'X';
        assertThat(spec.body()).get().isEqualTo("abc".getBytes(StandardCharsets.UTF_8));
        spec.body().get()[1] = 'Y';
        assertThat(new String(spec.body().get(), StandardCharsets.UTF_8)).isEqualTo("abc");
        assertThat(spec.headers()).containsEntry("Content-Type", "text/plain");
    }

    @Test
    void headersAreUnmodifiableAndKeptInOrder() {
        HttpRequestSpec spec = HttpRequestSpec.get(BASE).header("B", "2").header("A", "1").header("B", "3").build();
        assertThat(spec.headers()).containsExactly(Map.entry("B", "3"), Map.entry("A", "1"));
        assertThatThrownBy(() -> spec.headers().put("C", "4")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aBuilderReusedAfterBuildDoesNotChangeTheBuiltSpec() {
        HttpRequestSpec.Builder b = HttpRequestSpec.get(BASE).header("A", "1").query("x", 1);
        HttpRequestSpec first = b.build();
        b.header("B", "2").query("y", 2);
        assertThat(first.headers()).containsOnlyKeys("A");
        assertThat(first.uri().getRawQuery()).isEqualTo("x=1");
        assertThat(b.build().uri().getRawQuery()).isEqualTo("x=1&y=2");
    }

    @Test
    void jsonBodyIsSerializedAsUtf8Json() {
        HttpRequestSpec spec = HttpRequestSpec.post(BASE).jsonBody(Map.of("name", "Zoë")).build();
        assertThat(new String(spec.body().get(), StandardCharsets.UTF_8)).isEqualTo("{\"name\":\"Zoë\"}");
        assertThat(spec.headers()).containsEntry("Content-Type", "application/json");
    }

    @Test
    void aBodyThatCannotBeSerializedNamesItsType() {
        assertThatThrownBy(() -> HttpRequestSpec.post(BASE).jsonBody(new Unserializable()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot serialize request body of type " + Unserializable.class.getName());
    }

    /** A value whose getter fails while it is serialized. */
    static final class Unserializable {
        public String getName() {
            throw new IllegalStateException("no name");
        }
    }

    @Test
    void textBodyIsUtf8() {
        HttpRequestSpec spec = HttpRequestSpec.post(BASE).textBody("grant_type=x&é", "application/x-www-form-urlencoded")
                .build();
        assertThat(spec.body().get()).isEqualTo("grant_type=x&é".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void invalidInputIsRefusedNamingWhatWasWrong() {
        assertThatThrownBy(() -> HttpRequestSpec.get(URI.create("/relative/path")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("uri must be absolute, was /relative/path");
        assertThatThrownBy(() -> HttpRequestSpec.method(" ", BASE))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("method must not be blank");
        assertThatThrownBy(() -> HttpRequestSpec.method(null, BASE)).isInstanceOf(NullPointerException.class)
                .hasMessage("method");
        assertThatThrownBy(() -> HttpRequestSpec.get(null)).isInstanceOf(NullPointerException.class).hasMessage("uri");
        assertThatThrownBy(() -> HttpRequestSpec.get(BASE).query("since", null))
                .isInstanceOf(NullPointerException.class).hasMessage("value of query parameter since");
        assertThatThrownBy(() -> HttpRequestSpec.get(BASE).header("Accept", null))
                .isInstanceOf(NullPointerException.class).hasMessage("value of header Accept");
        assertThatThrownBy(() -> HttpRequestSpec.get(BASE).operation(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("operation");
        assertThatThrownBy(() -> HttpRequestSpec.get(BASE).credentials(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("credentials");
    }

    @Test
    void operationAuthenticationAndCredentialsAreKept() {
        AuthHeaders session = AuthHeaders.of("X-Session", "abc");
        HttpRequestSpec spec = HttpRequestSpec.post(BASE).operation(Operation.LOGIN).authenticated(false)
                .credentials(session).build();
        assertThat(spec.operation()).isEqualTo(Operation.LOGIN);
        assertThat(spec.authenticated()).isFalse();
        assertThat(spec.credentials()).isSameAs(session);
        assertThat(spec.headers()).doesNotContainKey("X-Session");
    }
}
