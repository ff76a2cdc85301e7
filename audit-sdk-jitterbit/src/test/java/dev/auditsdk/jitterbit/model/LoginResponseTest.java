package dev.auditsdk.jitterbit.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auditsdk.core.auth.Secret;
import dev.auditsdk.core.spi.util.Json;
import org.junit.jupiter.api.Test;

class LoginResponseTest {

    @Test
    void readsTheDocumentedSuccessAnswer() throws Exception {
        LoginResponse r = Json.mapper().readValue("{\"status\": true, \"operation\": \"User login\","
                + "\"authenticationToken\": \"1_70dfe7f7-1d47-4ad5-be5d-bc4a222dd2g4\","
                + "\"serverUrl\": \"https://na-east.jitterbit.com\", \"cloudAppsUrl\": \"https://na-east.jitterbit.com\","
                + "\"orgAttrs\": [{\"orgId\": \"123456\", \"orgName\": \"JB Example Company\","
                + "\"orgZoneUrl\": \"https://na-east.jitterbit.com\"}, {\"orgId\": \"20970\","
                + "\"orgName\": \"example@jbexample.com\", \"orgZoneUrl\": \"https://na-east.jitterbit.com\"}],"
                + "\"defaultOrgId\": \"123456\", \"sessionTimeoutInSeconds\": 14400}", LoginResponse.class);

        assertThat(r.status()).isTrue();
        assertThat(r.authenticationToken().map(Secret::reveal)).contains("1_70dfe7f7-1d47-4ad5-be5d-bc4a222dd2g4");
        assertThat(r.orgAttrs()).extracting(OrgAttr::orgId).containsExactly("123456", "20970");
        assertThat(r.defaultOrgId()).contains("123456");
        assertThat(r.sessionTimeoutInSeconds()).hasValue(14400);
        assertThat(r.tfaCodeRequired()).isFalse();
        assertThat(r.toString()).doesNotContain("70dfe7f7");
    }

    @Test
    void readsTheDocumentedTfaAnswer() throws Exception {
        LoginResponse r = Json.mapper().readValue("{\"status\": false, \"operation\": \"User login\","
                + "\"errorCode\": \"VALIDATE_TFA_LOGIN_EMAIL\", \"errorMessage\": \"Validate your login with authentication "
                + "code. An email from Jitterbit with the code was sent to you.\", \"authenticationToken\": null,"
                + "\"serverUrl\": \"https://na-east.jitterbit.com\", \"orgAttrs\": [], \"defaultOrgId\": null}",
                LoginResponse.class);

        assertThat(r.status()).isFalse();
        assertThat(r.tfaCodeRequired()).isTrue();
        assertThat(r.authenticationToken()).isEmpty();
        assertThat(r.defaultOrgId()).isEmpty();
        assertThat(r.errorMessage().orElseThrow()).contains("email");
    }

    @Test
    void aFailureWithoutStatusIsNotASuccess() throws Exception {
        LoginResponse r = Json.mapper().readValue("{\"errorCode\":\"X\"}", LoginResponse.class);
        assertThat(r.status()).isFalse();
        assertThat(r.tfaCodeRequired()).isFalse();
    }
}
