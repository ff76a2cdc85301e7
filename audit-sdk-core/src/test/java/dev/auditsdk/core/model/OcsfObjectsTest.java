package dev.auditsdk.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OcsfObjectsTest {

    /** The definition {@link OcsfObjects#isIp} implements without regular expressions or splitting. */
    private static boolean byDefinition(String s) {
        String[] parts = s.split("\\.", -1);
        if (parts.length == 4 && s.matches("[0-9.]+")) {
            for (String p : parts) {
                if (p.isEmpty() || p.length() > 3 || Integer.parseInt(p) > 255) {
                    return false;
                }
            }
            return true;
        }
        return s.indexOf(':') != s.lastIndexOf(':') && s.matches("[0-9A-Fa-f:.]{2,39}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.1.2.3", "0.0.0.0", "255.255.255.255", "01.2.3.4", "::1", "fe80::1", "::ffff:1.2.3.4",
        "2001:db8::8a2e:370:7334", "1:2:3:4:5:6:7:8"})
    void recognizesAddresses(String ip) {
        assertThat(OcsfObjects.isIp(ip)).isTrue();
        assertThat(byDefinition(ip)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "256.1.1.1", "1.2.3", "1.2.3.4.5", "1..2.3", "1.2.3.", "1234.1.1.1", "a:b", ":", "1.2.3.a",
        "fe80::1%eth0", "host.example.com", "::g", "1:2:3:4:5:6:7:8:9:10:11:12:13:14:15:16:17:18:19:20", "+1.2.3.4",
        " 1.2.3.4", "1.2.3.-4", "١.٢.٣.٤"})
    void refusesWhatIsNoAddress(String text) {
        assertThat(OcsfObjects.isIp(text)).isFalse();
        assertThat(byDefinition(text)).isFalse();
    }

    @Test
    void agreesWithTheDefinitionOnRandomText() {
        SplittableRandom random = new SplittableRandom(7);
        String alphabet = "0123456789..::aAfFgz 9";
        for (int i = 0; i < 300_000; i++) {
            StringBuilder s = new StringBuilder();
            int length = random.nextInt(42);
            for (int k = 0; k < length; k++) {
                s.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String text = s.toString();
            assertThat(OcsfObjects.isIp(text)).as("'%s'", text).isEqualTo(byDefinition(text));
        }
    }

    @Test
    void anEndpointIsTheTrimmedAddress() {
        assertThat(OcsfObjects.hasEndpoint(Optional.of(" 10.0.0.1\t"))).isTrue();
        assertThat(OcsfObjects.hasEndpoint(Optional.of("10.0.0"))).isFalse();
        assertThat(OcsfObjects.hasEndpoint(Optional.empty())).isFalse();
    }
}
