package dev.auditsdk.core.spi.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.auditsdk.core.spi.util.Json;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StableIdentityTest {

    private static JsonNode json(String text) throws Exception {
        return Json.mapper().readTree(text);
    }

    @Test
    void isStableAcrossKeyOrderAtEveryLevel() throws Exception {
        JsonNode one = json("{\"timestamp\":\"2024-03-21T10:39:44.896-03:00\",\"username\":\"admin\","
                + "\"data\":{\"x\":1,\"y\":[{\"b\":2,\"a\":1}]}}");
        JsonNode reordered = json("{\"data\":{\"y\":[{\"a\":1,\"b\":2}],\"x\":1},\"username\":\"admin\","
                + "\"timestamp\":\"2024-03-21T10:39:44.896-03:00\"}");
        StableIdentity ids = StableIdentity.withPrefix("lc:");
        assertThat(ids.contentHash(one)).isEqualTo(ids.contentHash(reordered)).startsWith("lc:").hasSize(3 + 43);
        assertThat(StableIdentity.canonicalJson(reordered))
                .isEqualTo("{\"data\":{\"x\":1,\"y\":[{\"a\":1,\"b\":2}]},\"timestamp\":\"2024-03-21T10:39:44.896-03:00\","
                        + "\"username\":\"admin\"}");
    }

    @Test
    void differentContentOrArrayOrderGivesDifferentHashes() throws Exception {
        StableIdentity ids = StableIdentity.withPrefix("");
        assertThat(ids.contentHash(json("{\"a\":[1,2]}"))).isNotEqualTo(ids.contentHash(json("{\"a\":[2,1]}")));
        assertThat(ids.contentHash(json("{\"a\":\"1\"}"))).isNotEqualTo(ids.contentHash(json("{\"a\":1}")));
    }

    @Test
    void identicalEntriesAreNumberedByOccurrenceAndRenumberedTheSameOnARereading() throws Exception {
        List<JsonNode> body = List.of(
                json("{\"timestamp\":\"2024-01-01T00:00:00.001Z\",\"type\":\"login\"}"),
                json("{\"timestamp\":\"2024-01-01T00:00:00.001Z\",\"type\":\"login\"}"),
                json("{\"timestamp\":\"2024-01-01T00:00:00.001Z\",\"type\":\"logout\"}"),
                json("{\"type\":\"login\",\"timestamp\":\"2024-01-01T00:00:00.001Z\"}"));

        List<String> firstRun = identify(StableIdentity.withPrefix("lc:"), body);
        List<String> secondRun = identify(StableIdentity.withPrefix("lc:"), body);

        String login = StableIdentity.withPrefix("lc:").contentHash(body.get(0));
        String logout = StableIdentity.withPrefix("lc:").contentHash(body.get(2));
        assertThat(firstRun).containsExactly(login + "#1", login + "#2", logout + "#1", login + "#3");
        assertThat(secondRun).isEqualTo(firstRun);
    }

    @Test
    void hexEncodingWritesSixtyFourDigits() throws Exception {
        String id = StableIdentity.withPrefix("u-", StableIdentity.Encoding.HEX).contentHash(json("{}"));
        // SHA-256 of "{}"
        assertThat(id).isEqualTo("u-44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a");
    }

    @Test
    void bytesAreHashedExactlyAsGivenAndNumberedByOccurrence() {
        byte[] buffer = "xx{}yy{\"b\":1,\"a\":2}{\"a\":2,\"b\":1}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        StableIdentity hex = StableIdentity.withPrefix("u-", StableIdentity.Encoding.HEX);
        // SHA-256 of the two bytes "{}", as for the canonical form of {} above
        assertThat(hex.contentHash(buffer, 2, 2))
                .isEqualTo("u-44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a");

        StableIdentity ids = StableIdentity.withPrefix("lc:");
        String ba = ids.contentHash(buffer, 6, 13);
        String ab = ids.contentHash(buffer, 19, 13);
        // the bytes, not the content: another key order is another hash
        assertThat(ba).isNotEqualTo(ab).startsWith("lc:").hasSize(3 + 43);
        assertThat(List.of(ids.identify(buffer, 6, 13), ids.identify(buffer, 19, 13), ids.identify(buffer, 6, 13)))
                .containsExactly(ba + "#1", ab + "#1", ba + "#2");
        assertThat(StableIdentity.withPrefix("lc:").identify(buffer.clone(), 6, 13)).isEqualTo(ba + "#1");
    }

    @Test
    void identitiesAreThePrefixTheJdkEncodingOfTheDigestAndTheCount() throws Exception {
        for (String prefix : new String[] {"", "lc:", "é-", "\u20ac:"}) {
            StableIdentity b64 = StableIdentity.withPrefix(prefix);
            StableIdentity hex = StableIdentity.withPrefix(prefix, StableIdentity.Encoding.HEX);
            for (int length = 0; length < 5; length++) {
                byte[] line = "{\"a\":1}".substring(0, length).getBytes(java.nio.charset.StandardCharsets.UTF_8);
                byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(line);
                String base64 = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
                StringBuilder hexDigits = new StringBuilder();
                for (byte d : digest) {
                    hexDigits.append(String.format("%02x", d));
                }
                for (int n = 1; n <= 1_234; n++) {
                    String expectedB64 = prefix + base64 + "#" + n;
                    String expectedHex = prefix + hexDigits + "#" + n;
                    assertThat(b64.identify(line, 0, line.length)).isEqualTo(expectedB64);
                    assertThat(hex.identify(line, 0, line.length)).isEqualTo(expectedHex);
                }
            }
        }
    }

    @Test
    void theCountersOfTheMostRecentHashesSurviveGenerationChanges() {
        StableIdentity ids = StableIdentity.withPrefix("");
        java.util.Map<String, Integer> exact = new java.util.HashMap<>();
        // between two occurrences: the lag new hashes and the lag repeats of older ones
        int lag = StableIdentity.RECENT_HASHES / 2 - 24;
        for (int k = 0; k < 10 * StableIdentity.RECENT_HASHES; k++) {
            // each entry comes back once, with fewer than RECENT_HASHES other hashes in between
            for (int j : k >= lag ? new int[] {k, k - lag} : new int[] {k}) {
                byte[] entry = ("{\"n\":" + j + "}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
                String hash = ids.contentHash(entry, 0, entry.length);
                int n = exact.merge(hash, 1, Integer::sum);
                assertThat(ids.identify(entry, 0, entry.length)).isEqualTo(hash + "#" + n);
            }
        }
    }

    @Test
    void aByteRangeOutsideTheArrayIsRejected() {
        StableIdentity ids = StableIdentity.withPrefix("");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ids.contentHash(new byte[4], 2, 3))
                .isInstanceOf(IndexOutOfBoundsException.class);
    }

    private static List<String> identify(StableIdentity ids, List<JsonNode> entries) {
        List<String> out = new ArrayList<>();
        entries.forEach(e -> out.add(ids.identify(e)));
        return out;
    }
}
