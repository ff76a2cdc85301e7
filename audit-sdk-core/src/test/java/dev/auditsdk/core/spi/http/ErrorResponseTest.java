package dev.auditsdk.core.spi.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auditsdk.core.error.AuditAccessDeniedException;
import dev.auditsdk.core.error.AuditApiException;
import dev.auditsdk.core.error.AuditRateLimitedException;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ErrorResponseTest {

    private static ErrorResponse answer(int status, Duration retryAfter) {
        HttpHeaders headers = HttpHeaders.of(Map.of("X-Request-Id", List.of("req-7")), (k, v) -> true);
        return new ErrorResponse("acme", HttpRequestSpec.get(URI.create("https://api.example.com/logs")).build(), status,
                headers, "{\"code\":\"E1\"}", retryAfter);
    }

    @Test
    void aRateLimitKeepsItsRetryAfterAndEveryAnswerItsRequestIdAndExcerpt() {
        AuditApiException limited = answer(429, Duration.ofSeconds(9)).toException("acme: slow down", "E1");
        assertThat(limited).isInstanceOf(AuditRateLimitedException.class).hasMessage("acme: slow down");
        assertThat(((AuditRateLimitedException) limited).retryAfter()).contains(Duration.ofSeconds(9));
        assertThat(limited.vendorCode()).contains("E1");
        assertThat(limited.requestId()).contains("req-7");

        AuditApiException denied = answer(403, null).toException("acme: no", null);
        assertThat(denied).isInstanceOf(AuditAccessDeniedException.class);
        assertThat(denied.statusCode()).isEqualTo(403);
        assertThat(denied.vendorCode()).isEmpty();
        assertThat(denied.requestId()).contains("req-7");
        assertThat(denied.bodyExcerpt()).contains("{\"code\":\"E1\"}");

        assertThat(answer(429, null).toException("acme: slow down", null, "from-body").requestId()).contains("from-body");
    }

    @Test
    void theStandardDecoderUsesTheDefaultMessage() {
        AuditApiException e = ErrorDecoder.standard().decode(answer(429, Duration.ofSeconds(1)));
        assertThat(e).isInstanceOf(AuditRateLimitedException.class)
                .hasMessage("acme: GET https://api.example.com/logs failed with HTTP 429: {\"code\":\"E1\"}");
        assertThat(((AuditRateLimitedException) e).retryAfter()).contains(Duration.ofSeconds(1));
    }
}
