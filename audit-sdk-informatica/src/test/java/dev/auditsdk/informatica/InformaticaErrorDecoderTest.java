package dev.auditsdk.informatica;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auditsdk.core.error.AuditApiException;
import dev.auditsdk.core.error.AuditAuthenticationException;
import dev.auditsdk.core.spi.util.Json;
import org.junit.jupiter.api.Test;

class InformaticaErrorDecoderTest {

    @Test
    void readsTheV2ErrorObject() {
        InformaticaErrorDecoder.VendorError e = InformaticaErrorDecoder.parse(
                "{\"@type\":\"error\",\"code\":\"UI_10000\",\"description\":\"User name or password is not valid.\",\"statusCode\":403}");
        assertThat(e.code()).isEqualTo("UI_10000");
        assertThat(e.message()).isEqualTo("User name or password is not valid.");
    }

    @Test
    void readsTheV3ErrorObject() {
        InformaticaErrorDecoder.VendorError e = InformaticaErrorDecoder.parse(
                "{\"error\":{\"code\":\"IDS_085\",\"message\":\"Session expired\",\"requestId\":\"9hr8e2ObIcChbwYftgDui7\",\"details\":null}}");
        assertThat(e.code()).isEqualTo("IDS_085");
        assertThat(e.message()).isEqualTo("Session expired");
        assertThat(e.requestId()).isEqualTo("9hr8e2ObIcChbwYftgDui7");
    }

    @Test
    void readsWhatItCanFromAnExcerptCutShort() {
        InformaticaErrorDecoder.VendorError e = InformaticaErrorDecoder.parse(
                "{\"@type\":\"error\",\"code\":\"APP_001\",\"description\":\"Something went wrong in a very long");
        assertThat(e.code()).isEqualTo("APP_001");
        assertThat(e.message()).isNull();
        assertThat(InformaticaErrorDecoder.parse("<html>Bad gateway</html>").code()).isNull();
        assertThat(InformaticaErrorDecoder.parse("").code()).isNull();
    }

    @Test
    void anErrorObjectInsideA200AnswerBecomesTheExceptionOfItsStatusCode() throws Exception {
        AuditApiException e = InformaticaErrorDecoder.fromBody("informatica", "GET https://h/saas/api/v2/auditlog",
                Json.mapper().readTree("{\"@type\":\"error\",\"code\":\"AUTH_01\",\"description\":\"Invalid session\",\"statusCode\":401}"));
        assertThat(e).isInstanceOf(AuditAuthenticationException.class);
        assertThat(e.vendorCode()).hasValue("AUTH_01");
        assertThat(e.getMessage()).contains("Invalid session").contains("GET https://h/saas/api/v2/auditlog");
        assertThat(InformaticaErrorDecoder.fromBody("informatica", "x", Json.mapper().readTree("[]"))).isNull();
        assertThat(InformaticaErrorDecoder.fromBody("informatica", "x", Json.mapper().readTree("{\"entries\":[]}"))).isNull();
    }
}
