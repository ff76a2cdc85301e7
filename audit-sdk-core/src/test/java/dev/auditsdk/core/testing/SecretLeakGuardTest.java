package dev.auditsdk.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretLeakGuardTest {
    @Test
    void isAutoRegisteredForEveryTest() {
        assertThat(SecretLeakGuard.isWatching()).isTrue();
    }

    @Test
    void findsMarkedAndRegisteredSecrets() {
        String registered = SecretLeakGuard.secret("pa55word-registered");
        assertThat(SecretLeakGuard.leaksIn("x " + SecretLeakGuard.MARKER + " y")).hasSize(1);
        assertThat(SecretLeakGuard.leaksIn("login with " + registered)).isNotEmpty();
        assertThat(SecretLeakGuard.leaksIn("nothing here")).isEmpty();
    }
}
