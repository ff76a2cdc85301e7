package dev.auditsdk.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CredentialsProviderTest {
    private static final String PASSWORD = "env-Pa55word";
    private static final String USER = "alice-the-user";

    private final Map<String, String> env = new HashMap<>();
    private final VariableSource fakeEnv = new VariableSource("environment variable", "environment variables", "Var", env::get);

    @Test
    void staticProviderReturnsItsCredentials() {
        UsernamePassword credentials = UsernamePassword.of("alice", Secret.of(PASSWORD));

        assertThat(CredentialsProvider.of(credentials).resolve()).isSameAs(credentials);
        assertThatThrownBy(() -> CredentialsProvider.of(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("credentials");
    }

    @Test
    void usernamePasswordFromVariables() {
        env.put("IQ_USER", USER);
        env.put("IQ_PASSWORD", PASSWORD);

        UsernamePassword credentials = fakeEnv.usernamePassword("IQ_USER", "IQ_PASSWORD").resolve();

        assertThat(credentials.username()).isEqualTo(USER);
        assertThat(credentials.password().reveal()).isEqualTo(PASSWORD);
    }

    @Test
    void variablesAreReadAtEachResolve() {
        CredentialsProvider<UsernamePassword> provider = fakeEnv.usernamePassword("IQ_USER", "IQ_PASSWORD");
        env.put("IQ_USER", USER);
        env.put("IQ_PASSWORD", PASSWORD);
        assertThat(provider.resolve().password().reveal()).isEqualTo(PASSWORD);

        env.put("IQ_PASSWORD", "rotated-" + PASSWORD);

        assertThat(provider.resolve().password().reveal()).isEqualTo("rotated-" + PASSWORD);
    }

    @Test
    void missingVariableIsNamedAndNoValueIsShown() {
        env.put("IQ_USER", USER);

        assertThatThrownBy(() -> fakeEnv.usernamePassword("IQ_USER", "IQ_PASSWORD").resolve())
                .isInstanceOf(CredentialsNotFoundException.class)
                .hasMessage("Credentials not found: environment variable IQ_PASSWORD is not set or blank"
                        + " (looked for IQ_USER, IQ_PASSWORD)")
                .hasMessageNotContaining(USER)
                .satisfies(e -> assertThat(((CredentialsNotFoundException) e).names())
                        .containsExactly("IQ_USER", "IQ_PASSWORD"));
    }

    @Test
    void blankVariablesCountAsMissing() {
        env.put("IQ_USER", " ");
        env.put("IQ_PASSWORD", "");

        assertThatThrownBy(() -> fakeEnv.usernamePassword("IQ_USER", "IQ_PASSWORD").resolve())
                .isInstanceOf(CredentialsNotFoundException.class)
                .hasMessageContaining("environment variables IQ_USER, IQ_PASSWORD are not set or blank");
    }

    @Test
    void apiTokenWithAndWithoutNameFromVariables() {
        env.put("LC_CODE", "user-code");
        env.put("LC_PASSCODE", PASSWORD);

        ApiToken named = fakeEnv.apiToken("LC_CODE", "LC_PASSCODE").resolve();
        ApiToken bare = fakeEnv.apiToken("LC_PASSCODE").resolve();

        assertThat(named.name()).contains("user-code");
        assertThat(named.token().reveal()).isEqualTo(PASSWORD);
        assertThat(bare.name()).isEmpty();
        assertThat(bare.token().reveal()).isEqualTo(PASSWORD);
    }

    @Test
    void oauthFromVariables() {
        env.put("UIPATH_CLIENT_ID", "app-id");
        env.put("UIPATH_CLIENT_SECRET", PASSWORD);

        OAuthClientCredentials credentials = fakeEnv.oauth("UIPATH_CLIENT_ID", "UIPATH_CLIENT_SECRET").resolve();

        assertThat(credentials.clientId()).isEqualTo("app-id");
        assertThat(credentials.clientSecret().reveal()).isEqualTo(PASSWORD);
    }

    @Test
    void variableNamesAreValidatedWhenTheProviderIsMade() {
        assertThatThrownBy(() -> CredentialsProvider.usernamePasswordFromEnv(null, "P"))
                .isInstanceOf(NullPointerException.class).hasMessage("userVar");
        assertThatThrownBy(() -> CredentialsProvider.oauthFromEnv("ID", " "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("secretVar");
        assertThatThrownBy(() -> CredentialsProvider.apiTokenFromSystemProperties(""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tokenProperty");
    }

    @Test
    void realEnvironmentIsConsulted() {
        String absent = "AUDIT_SDK_TEST_SURELY_UNSET_" + System.nanoTime();

        assertThatThrownBy(() -> CredentialsProvider.apiTokenFromEnv(absent).resolve())
                .isInstanceOf(CredentialsNotFoundException.class)
                .hasMessageContaining("environment variable " + absent);
        assertThat(CredentialsProvider.usernamePasswordFromEnv("U_VAR", "P_VAR"))
                .hasToString("environment variables [U_VAR, P_VAR]");
    }

    @Test
    void systemPropertiesAreConsulted() {
        String prefix = "audit.sdk.test." + System.nanoTime();
        System.setProperty(prefix + ".user", USER);
        System.setProperty(prefix + ".password", PASSWORD);
        System.setProperty(prefix + ".id", "app-id");
        try {
            assertThat(CredentialsProvider.usernamePasswordFromSystemProperties(prefix + ".user", prefix + ".password")
                    .resolve().password().reveal()).isEqualTo(PASSWORD);
            assertThat(CredentialsProvider.apiTokenFromSystemProperties(prefix + ".user", prefix + ".password")
                    .resolve().name()).contains(USER);
            assertThat(CredentialsProvider.apiTokenFromSystemProperties(prefix + ".password")
                    .resolve().token().reveal()).isEqualTo(PASSWORD);
            assertThat(CredentialsProvider.oauthFromSystemProperties(prefix + ".id", prefix + ".password")
                    .resolve().clientId()).isEqualTo("app-id");
            assertThatThrownBy(() -> CredentialsProvider.oauthFromSystemProperties(prefix + ".id", prefix + ".absent")
                    .resolve())
                    .isInstanceOf(CredentialsNotFoundException.class)
                    .hasMessageContaining("system property " + prefix + ".absent is not set")
                    .hasMessageNotContaining("app-id");
        } finally {
            System.clearProperty(prefix + ".user");
            System.clearProperty(prefix + ".password");
            System.clearProperty(prefix + ".id");
        }
    }

    @Test
    void chainReturnsTheFirstProviderThatResolves() {
        env.put("SECOND_USER", USER);
        env.put("SECOND_PASSWORD", PASSWORD);
        AtomicInteger thirdAsked = new AtomicInteger();
        CredentialsProvider<UsernamePassword> third = () -> {
            thirdAsked.incrementAndGet();
            return UsernamePassword.of("third", Secret.of("other"));
        };

        UsernamePassword credentials = CredentialsProvider.chain(
                fakeEnv.usernamePassword("FIRST_USER", "FIRST_PASSWORD"),
                fakeEnv.usernamePassword("SECOND_USER", "SECOND_PASSWORD"),
                third).resolve();

        assertThat(credentials.username()).isEqualTo(USER);
        assertThat(thirdAsked).hasValue(0);
    }

    @Test
    void chainWithoutCredentialsNamesEveryVariableTried() {
        env.put("SECOND_USER", USER);

        CredentialsProvider<UsernamePassword> chain = CredentialsProvider.chain(
                fakeEnv.usernamePassword("FIRST_USER", "FIRST_PASSWORD"),
                fakeEnv.usernamePassword("SECOND_USER", "SECOND_PASSWORD"));

        assertThatThrownBy(chain::resolve)
                .isInstanceOf(CredentialsNotFoundException.class)
                .hasMessageContaining("FIRST_USER, FIRST_PASSWORD")
                .hasMessageContaining("SECOND_PASSWORD")
                .hasMessageNotContaining(USER)
                .satisfies(e -> {
                    assertThat(((CredentialsNotFoundException) e).names())
                            .containsExactly("FIRST_USER", "FIRST_PASSWORD", "SECOND_USER", "SECOND_PASSWORD");
                    assertThat(e.getSuppressed()).hasSize(2);
                });
    }

    @Test
    void chainDoesNotHideOtherFailures() {
        IllegalStateException broken = new IllegalStateException("vault unreachable");
        AtomicInteger secondAsked = new AtomicInteger();

        CredentialsProvider<UsernamePassword> chain = CredentialsProvider.chain(
                () -> {
                    throw broken;
                },
                () -> {
                    secondAsked.incrementAndGet();
                    return UsernamePassword.of("alice", Secret.of(PASSWORD));
                });

        assertThatThrownBy(chain::resolve).isSameAs(broken);
        assertThat(secondAsked).hasValue(0);
    }

    @Test
    void chainRejectsEmptyAndNullProviders() {
        assertThatThrownBy(CredentialsProvider::chain).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("providers");
        assertThatThrownBy(() -> CredentialsProvider.chain(CredentialsProvider.of("x"), null))
                .isInstanceOf(NullPointerException.class).hasMessage("providers[1]");
    }

    @Test
    void mapAdaptsTheCredentials() {
        env.put("BOOMI_USER", "alice@example.com");
        env.put("BOOMI_TOKEN", PASSWORD);

        UsernamePassword credentials = fakeEnv.apiToken("BOOMI_USER", "BOOMI_TOKEN")
                .map(token -> UsernamePassword.of("BOOMI_TOKEN." + token.name().orElseThrow(), token.token()))
                .resolve();

        assertThat(credentials.username()).isEqualTo("BOOMI_TOKEN.alice@example.com");
        assertThat(credentials.password().reveal()).isEqualTo(PASSWORD);
    }
}
