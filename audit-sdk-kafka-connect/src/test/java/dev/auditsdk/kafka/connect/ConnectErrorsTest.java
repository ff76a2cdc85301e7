package dev.auditsdk.kafka.connect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auditsdk.core.error.AuditAccessDeniedException;
import dev.auditsdk.core.error.AuditApiException;
import dev.auditsdk.core.error.AuditAuthenticationException;
import dev.auditsdk.core.error.AuditDataException;
import dev.auditsdk.core.error.AuditServerException;
import dev.auditsdk.core.error.AuditTransportException;
import dev.auditsdk.registry.VendorRegistry;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.RetriableException;
import org.junit.jupiter.api.Test;

class ConnectErrorsTest {
    private static final StreamConfig STREAM = AuditLogConnectorConfig.parse(AuditLogConnectorConfigTest.twoVendors(),
            VendorRegistry.discover()).stream("boomi-acme");

    @Test
    void whatMayPassIsRetriable() {
        assertThat(ConnectErrors.translate(new AuditTransportException("connection reset"), STREAM))
                .isInstanceOf(RetriableException.class).hasMessage("stream 'boomi-acme' (boomi): connection reset");
        assertThat(ConnectErrors.translate(new AuditServerException("503", 503, null, null, null), STREAM))
                .isInstanceOf(RetriableException.class);
        assertThat(ConnectErrors.translate(new AuditApiException("throttled", 429, null, null, null), STREAM))
                .isInstanceOf(RetriableException.class);
        assertThat(ConnectErrors.translate(new IllegalStateException("x", new AuditTransportException("timeout")), STREAM))
                .isInstanceOf(RetriableException.class);
    }

    @Test
    void whatWillNotPassFailsTheTask() {
        for (RuntimeException e : new RuntimeException[] {
                new AuditAuthenticationException("login refused", 401, null, null, null),
                new AuditAccessDeniedException("no privilege", 403, null, null, null),
                new AuditDataException("line 3: not JSON", 3, -1, null),
                new AuditApiException("bad request", 400, null, null, null),
                new IllegalStateException("bug")}) {
            assertThat(ConnectErrors.translate(e, STREAM)).as(e.toString()).isExactlyInstanceOf(ConnectException.class)
                    .hasCause(e);
        }
    }
}
