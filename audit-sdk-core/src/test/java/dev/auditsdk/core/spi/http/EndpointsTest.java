package dev.auditsdk.core.spi.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class EndpointsTest {
    @Test
    void resolvesKeepingTheBasePath() {
        assertThat(Endpoints.resolve(URI.create("https://cloud.uipath.com/org/tenant"), "audit_/api/auditlogs"))
                .isEqualTo(URI.create("https://cloud.uipath.com/org/tenant/audit_/api/auditlogs"));
        assertThat(Endpoints.resolve(URI.create("https://h/base/"), "/x")).isEqualTo(URI.create("https://h/base/x"));
    }

    @Test
    void plainHttpOnlyForLoopbackOrOptIn() {
        assertThat(Endpoints.requireSecure(URI.create("http://localhost:8070"), false)).isNotNull();
        assertThat(Endpoints.requireSecure(URI.create("http://127.0.0.5:8070"), false)).isNotNull();
        assertThat(Endpoints.requireSecure(URI.create("http://[::1]:8070"), false)).isNotNull();
        assertThat(Endpoints.requireSecure(URI.create("https://iq.example.com"), false)).isNotNull();
        assertThat(Endpoints.requireSecure(URI.create("http://iq.example.com"), true)).isNotNull();
        assertThatThrownBy(() -> Endpoints.requireSecure(URI.create("http://iq.example.com"), false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("allowInsecureHttp");
        assertThatThrownBy(() -> Endpoints.requireSecure(URI.create("ftp://iq.example.com"), false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Endpoints.requireSecure(URI.create("http://10.0.0.1"), false))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void originComparison() {
        assertThat(Endpoints.sameOrigin(URI.create("https://a/x"), URI.create("https://a:443/y"))).isTrue();
        assertThat(Endpoints.sameOrigin(URI.create("https://a/x"), URI.create("https://b/x"))).isFalse();
        assertThat(Endpoints.sameOrigin(URI.create("http://a/x"), URI.create("https://a/x"))).isFalse();
    }
}
