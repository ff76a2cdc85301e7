package dev.auditsdk.jitterbit.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auditsdk.core.spi.util.Json;
import org.junit.jupiter.api.Test;

class LogExportStatusTest {

    @Test
    void readsTheDocumentedSubmitAnswer() throws Exception {
        LogExportStatus s = Json.mapper().readValue("{\"key\": \"debug-log-E8D47FE1F172D3EE46C620791E614B78D111CE624485D2E1B3D482370690DC40\","
                + "\"status\": \"COMPLETE\"}", LogExportStatus.class);
        assertThat(s.key()).contains("debug-log-E8D47FE1F172D3EE46C620791E614B78D111CE624485D2E1B3D482370690DC40");
        assertThat(s.status()).isEqualTo(LogExportStatus.COMPLETE);
        assertThat(s.inProgress()).isFalse();
    }

    @Test
    void readsTheErrorMessageUnderEitherName() throws Exception {
        assertThat(Json.mapper().readValue("{\"status\":\"ERROR\",\"errorMessage\":\"boom\"}", LogExportStatus.class)
                .errorMessage()).contains("boom");
        assertThat(Json.mapper().readValue("{\"status\":\"ERROR\",\"message\":\"bang\"}", LogExportStatus.class)
                .errorMessage()).contains("bang");
    }

    @Test
    void receivedAndProcessingAreInProgress() {
        assertThat(LogExportStatus.builder().status("RECEIVED").build().inProgress()).isTrue();
        assertThat(LogExportStatus.builder().status("PROCESSING").build().inProgress()).isTrue();
        assertThat(LogExportStatus.builder().status("NO_DATA").build().inProgress()).isFalse();
    }
}
