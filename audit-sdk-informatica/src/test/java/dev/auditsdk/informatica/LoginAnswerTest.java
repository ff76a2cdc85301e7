package dev.auditsdk.informatica;

import static org.assertj.core.api.Assertions.assertThat;

import dev.auditsdk.core.auth.Secret;
import dev.auditsdk.core.spi.util.Json;
import org.junit.jupiter.api.Test;

/** The typed login answers read the documented fields, ignore the rest and never print the session id. */
class LoginAnswerTest {
    private static final String SESSION = "sessionS3CR3Tid0000009";

    @Test
    void theV2UserObjectIsRead() throws Exception {
        V2LoginAnswer a = Json.mapper().readValue("{\"@type\":\"user\",\"id\":\"00A1B203000000000001\",\"orgId\":\"00A1B2\","
                + "\"orgUuid\":\"5hQy3iLeLBHlMh1pQE9Mb6\",\"name\":\"ana@example.com\",\"timezone\":\"America/New_York\","
                + "\"serverUrl\":\"https://na4.dm-us.informaticacloud.com/saas\",\"icSessionId\":\"" + SESSION + "\"}",
                V2LoginAnswer.class);

        assertThat(a.sessionId().map(Secret::reveal)).hasValue(SESSION);
        assertThat(a.serverUrl()).hasValue("https://na4.dm-us.informaticacloud.com/saas");
        assertThat(a.id()).hasValue("00A1B203000000000001");
        assertThat(a.orgId()).hasValue("00A1B2");
        assertThat(a.orgUuid()).hasValue("5hQy3iLeLBHlMh1pQE9Mb6");
        assertThat(a.name()).hasValue("ana@example.com");
        assertThat(a.sessionIdField()).isEqualTo("icSessionId");
        assertThat(a.toString()).contains("icSessionId=present").doesNotContain(SESSION);
    }

    @Test
    void theV3UserInfoAndProductsAreRead() throws Exception {
        V3LoginAnswer a = Json.mapper().readValue("{\"products\":[{\"name\":\"Integration Cloud\",\"baseApiUrl\":"
                + "\"https://usw3.dm-us.informaticacloud.com/saas\"},{\"name\":\"Other\",\"baseApiUrl\":\"https://x.example\"}],"
                + "\"userInfo\":{\"sessionId\":\"" + SESSION + "\",\"id\":\"u1\",\"name\":\"ana@example.com\",\"parentOrgId\":\"p\","
                + "\"orgId\":\"00A1B2\",\"orgName\":\"Acme\",\"status\":\"Active\"}}", V3LoginAnswer.class);

        assertThat(a.sessionId().map(Secret::reveal)).hasValue(SESSION);
        assertThat(a.serverUrl()).as("the first product's").hasValue("https://usw3.dm-us.informaticacloud.com/saas");
        assertThat(a.products()).hasSize(2);
        assertThat(a.products().get(0).name()).hasValue("Integration Cloud");
        V3LoginAnswer.UserInfo user = a.userInfo().orElseThrow();
        assertThat(user.id()).hasValue("u1");
        assertThat(user.name()).hasValue("ana@example.com");
        assertThat(user.orgId()).hasValue("00A1B2");
        assertThat(user.orgName()).hasValue("Acme");
        assertThat(a.toString()).contains("sessionId=present").doesNotContain(SESSION);
    }

    @Test
    void blankOrMissingFieldsAreAbsent() throws Exception {
        V2LoginAnswer v2 = Json.mapper().readValue("{\"icSessionId\":\"  \",\"serverUrl\":null}", V2LoginAnswer.class);
        assertThat(v2.sessionId()).isEmpty();
        assertThat(v2.serverUrl()).isEmpty();

        V3LoginAnswer v3 = Json.mapper().readValue("{}", V3LoginAnswer.class);
        assertThat(v3.sessionId()).isEmpty();
        assertThat(v3.serverUrl()).isEmpty();
        assertThat(v3.products()).isEmpty();
        assertThat(v3.serverUrlField()).isEqualTo("products[0].baseApiUrl");
        assertThat(v3.sessionIdField()).isEqualTo("userInfo.sessionId");
    }
}
