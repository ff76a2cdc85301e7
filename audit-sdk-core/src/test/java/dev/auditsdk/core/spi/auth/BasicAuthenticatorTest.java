package dev.auditsdk.core.spi.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import dev.auditsdk.core.auth.UsernamePassword;
import dev.auditsdk.core.auth.Secret;
import dev.auditsdk.core.auth.CredentialsProvider;
import dev.auditsdk.core.auth.CredentialsNotFoundException;
import dev.auditsdk.core.auth.ApiToken;

class BasicAuthenticatorTest {
    private static final String PASSWORD = "pä55 wörd:with-colon";

    private static String basic(String pair) {
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void sendsUsernameAndPasswordAsUtf8Basic() {
        BasicAuthenticator auth = BasicAuthenticator.of(CredentialsProvider.of(UsernamePassword.of("alice", Secret.of(PASSWORD))));

        assertThat(auth.authenticate().headers()).isEqualTo(Map.of("Authorization", basic("alice:" + PASSWORD)));
    }

    @Test
    void sendsAnApiTokenAsNameAndToken() {
        BasicAuthenticator auth = BasicAuthenticator.ofApiToken(
                CredentialsProvider.of(ApiToken.of("user-code", Secret.of(PASSWORD))));

        assertThat(auth.authenticate().headers()).containsEntry("Authorization", basic("user-code:" + PASSWORD));
    }

    @Test
    void apiTokenWithoutNameCannotBeSentAsBasic() {
        BasicAuthenticator auth = BasicAuthenticator.ofApiToken(CredentialsProvider.of(ApiToken.of(Secret.of(PASSWORD))));

        assertThatThrownBy(auth::authenticate).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("name").hasMessageNotContaining(PASSWORD);
    }

    @Test
    void userNameWithColonIsRefused() {
        BasicAuthenticator auth = BasicAuthenticator.of(CredentialsProvider.of(UsernamePassword.of("a:b", Secret.of(PASSWORD))));

        assertThatThrownBy(auth::authenticate).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("username").hasMessageNotContaining(PASSWORD);
    }

    @Test
    void refusedStaticCredentialsAreFinal() {
        BasicAuthenticator auth = BasicAuthenticator.of(CredentialsProvider.of(UsernamePassword.of("alice", Secret.of(PASSWORD))));

        assertThat(auth.refresh(auth.authenticate())).isFalse();
    }

    @Test
    void providerIsAskedForEveryRequestSoRotationIsPickedUp() {
        AtomicReference<UsernamePassword> current = new AtomicReference<>(UsernamePassword.of("alice", Secret.of("old-pass")));
        BasicAuthenticator auth = BasicAuthenticator.of(current::get);
        assertThat(auth.authenticate().headers()).containsEntry("Authorization", basic("alice:old-pass"));

        current.set(UsernamePassword.of("alice", Secret.of("new-pass")));

        assertThat(auth.authenticate().headers()).containsEntry("Authorization", basic("alice:new-pass"));
    }

    @Test
    void missingCredentialsPropagate() {
        // system properties no test sets, so the provider finds neither
        BasicAuthenticator auth = BasicAuthenticator.of(CredentialsProvider.usernamePasswordFromSystemProperties(
                "auditsdk.test.unset.IQ_USER", "auditsdk.test.unset.IQ_PASSWORD"));

        assertThatThrownBy(auth::authenticate).isInstanceOf(CredentialsNotFoundException.class)
                .hasMessageContaining("auditsdk.test.unset.IQ_USER").hasMessageContaining("auditsdk.test.unset.IQ_PASSWORD");
    }

    @Test
    void nothingPrintsTheSecret() {
        BasicAuthenticator auth = BasicAuthenticator.of(CredentialsProvider.of(UsernamePassword.of("alice", Secret.of(PASSWORD))));
        String encoded = auth.authenticate().headers().get("Authorization");

        assertThat(List.of(auth.toString(), auth.authenticate().toString()))
                .allSatisfy(text -> assertThat(text).doesNotContain(PASSWORD).doesNotContain(encoded.substring(6)));
    }
}
