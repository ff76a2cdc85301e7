package dev.auditsdk.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.auditsdk.core.spi.util.Json;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import dev.auditsdk.core.spi.auth.AuthHeaders;
import dev.auditsdk.core.spi.auth.AccessToken;

/** The credential value types and {@link AccessToken}: validation and no secret in text. */
class CredentialValuesTest {
    private static final String SECRET = "Pa55-w0rd-XYZ";

    @Test
    void usernamePasswordHoldsBothAndPrintsTheUserOnly() {
        UsernamePassword credentials = UsernamePassword.of("alice", Secret.of(SECRET));

        assertThat(credentials.username()).isEqualTo("alice");
        assertThat(credentials.password().reveal()).isEqualTo(SECRET);
        assertThat(credentials.toString()).contains("alice").doesNotContain(SECRET);
        assertThat(credentials).isEqualTo(UsernamePassword.of("alice", Secret.of(SECRET)));
    }

    @Test
    void usernamePasswordRejectsMissingFieldsByName() {
        assertThatThrownBy(() -> UsernamePassword.of(null, Secret.of(SECRET)))
                .isInstanceOf(NullPointerException.class).hasMessage("username");
        assertThatThrownBy(() -> UsernamePassword.of(" ", Secret.of(SECRET)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("username must not be blank");
        assertThatThrownBy(() -> UsernamePassword.of("alice", null))
                .isInstanceOf(NullPointerException.class).hasMessage("password");
    }

    @Test
    void usernamePasswordValidatesCopiesToo() {
        UsernamePassword credentials = UsernamePassword.of("alice", Secret.of(SECRET));

        assertThatThrownBy(() -> ImmutableUsernamePassword.copyOf(credentials).withUsername(""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("username");
    }

    @Test
    void apiTokenWithAndWithoutName() {
        ApiToken named = ApiToken.of("BOOMI_TOKEN.alice@example.com", Secret.of(SECRET));
        ApiToken bare = ApiToken.of(Secret.of(SECRET));

        assertThat(named.name()).contains("BOOMI_TOKEN.alice@example.com");
        assertThat(named.token().reveal()).isEqualTo(SECRET);
        assertThat(bare.name()).isEmpty();
        assertThat(List.of(named.toString(), bare.toString())).allSatisfy(text -> assertThat(text).doesNotContain(SECRET));
        assertThat(named.toString()).contains("alice@example.com");
    }

    @Test
    void apiTokenRejectsMissingFieldsByName() {
        assertThatThrownBy(() -> ApiToken.of(null, Secret.of(SECRET)))
                .isInstanceOf(NullPointerException.class).hasMessage("name");
        assertThatThrownBy(() -> ApiToken.of("", Secret.of(SECRET)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("name must not be blank");
        assertThatThrownBy(() -> ApiToken.of("code", null))
                .isInstanceOf(NullPointerException.class).hasMessage("token");
        assertThatThrownBy(() -> ApiToken.of(null))
                .isInstanceOf(NullPointerException.class).hasMessage("token");
    }

    @Test
    void oauthClientCredentialsPrintTheClientIdOnly() {
        OAuthClientCredentials credentials = OAuthClientCredentials.of("app-id", Secret.of(SECRET));

        assertThat(credentials.clientId()).isEqualTo("app-id");
        assertThat(credentials.clientSecret().reveal()).isEqualTo(SECRET);
        assertThat(credentials.toString()).contains("app-id").doesNotContain(SECRET);
    }

    @Test
    void oauthClientCredentialsRejectMissingFieldsByName() {
        assertThatThrownBy(() -> OAuthClientCredentials.of(null, Secret.of(SECRET)))
                .isInstanceOf(NullPointerException.class).hasMessage("clientId");
        assertThatThrownBy(() -> OAuthClientCredentials.of("\n", Secret.of(SECRET)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("clientId must not be blank");
        assertThatThrownBy(() -> OAuthClientCredentials.of("app-id", null))
                .isInstanceOf(NullPointerException.class).hasMessage("clientSecret");
    }

    @Test
    void accessTokenPrintsTheExpiryOnly() {
        Instant expiry = Instant.parse("2030-01-02T03:04:05Z");
        AccessToken token = AccessToken.of(Secret.of(SECRET), expiry);

        assertThat(token.value().reveal()).isEqualTo(SECRET);
        assertThat(token.expiresAt()).contains(expiry);
        assertThat(AccessToken.of(Secret.of(SECRET)).expiresAt()).isEmpty();
        assertThat(token.toString()).contains("2030-01-02T03:04:05Z").doesNotContain(SECRET);
    }

    @Test
    void accessTokenRejectsMissingFieldsByName() {
        assertThatThrownBy(() -> AccessToken.of(null)).isInstanceOf(NullPointerException.class).hasMessage("value");
        assertThatThrownBy(() -> AccessToken.of(Secret.of(SECRET), null))
                .isInstanceOf(NullPointerException.class).hasMessage("expiresAt");
    }

    @Test
    void noCredentialTypeLeaksItsSecretAsJson() throws Exception {
        List<Object> values = List.of(
                UsernamePassword.of("alice", Secret.of(SECRET)),
                ApiToken.of("code", Secret.of(SECRET)),
                OAuthClientCredentials.of("app-id", Secret.of(SECRET)),
                AccessToken.of(Secret.of(SECRET), Instant.EPOCH),
                AuthHeaders.of("Authorization", "Bearer " + SECRET));

        for (Object value : values) {
            assertThat(Json.mapper().writeValueAsString(value)).as(value.getClass().getSimpleName()).doesNotContain(SECRET);
        }
    }

    @Test
    void authHeadersPrintNamesOnly() {
        AuthHeaders headers = AuthHeaders.of("icSessionId", SECRET);

        assertThat(headers.toString()).contains("icSessionId").doesNotContain(SECRET);
    }
}
