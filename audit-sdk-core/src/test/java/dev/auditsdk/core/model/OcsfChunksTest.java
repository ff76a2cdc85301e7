package dev.auditsdk.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import dev.auditsdk.core.spi.util.Json;
import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OcsfChunksTest {
    private static final Instant T = Instant.parse("2026-03-21T13:39:44.896Z");

    /** Every class, every activity id it defines and 99, every outcome, with and without the host profile. */
    private static List<AuditEvent> everyKind() {
        List<AuditEvent> events = new ArrayList<>();
        for (OcsfClass cls : OcsfClass.values()) {
            for (int id = 0; id <= OcsfActivity.OTHER; id++) {
                if (OcsfActivity.caption(cls, id) == null) {
                    continue;
                }
                for (Outcome outcome : Outcome.values()) {
                    for (boolean actor : new boolean[] {false, true}) {
                        ImmutableAuditEvent.Builder b = AuditEvent.builder().vendor("v\u00e9ndor").id("id-" + id).time(T)
                                .ocsfClass(cls).activityId(id).action("act \"" + id + "\" \u00e9").outcome(outcome)
                                .category("cat").product(Product.of("Caf\u00e9 Inc", "Caf\u00e9"))
                                .target(Target.builder().type("t").name("n").build());
                        if (actor) {
                            b.actor(Actor.named("admin"));
                        }
                        events.add(b.build());
                    }
                }
            }
        }
        return events;
    }

    @Test
    void copiedRunsGiveTheBytesOfTheFieldsWrittenOneByOne() throws Exception {
        List<AuditEvent> events = everyKind();
        ByteArrayOutputStream copied = new ByteArrayOutputStream();
        try (JsonGenerator g = Json.mapper().getFactory().createGenerator(copied)) {
            assertThat(OcsfChunks.fits(g)).isTrue();
            g.setRootValueSeparator(null);
            for (AuditEvent e : events) {
                e.writeOcsf(g);
                g.writeRaw('\n');
            }
        }
        StringBuilder oneByOne = new StringBuilder();
        for (AuditEvent e : events) {
            // a token buffer cannot take a copied run: every field is written by itself
            oneByOne.append(Json.mapper().writeValueAsString(e.toOcsf())).append('\n');
        }
        assertThat(events).hasSizeGreaterThan(100);
        assertThat(copied.toString(StandardCharsets.UTF_8)).isEqualTo(oneByOne.toString());
    }

    @Test
    void aRunStartsWithItsCommaAndEndsWithACompleteValue() {
        OcsfChunks.Chunk run = OcsfChunks.of(g -> {
            g.writeStringField("a", "\u00e9");
            g.writeFieldName("b");
            g.writeStartArray();
            g.writeNumber(1);
            g.writeEndArray();
        });
        assertThat(new String(run.utf8(), StandardCharsets.UTF_8)).isEqualTo(",\"a\":\"\u00e9\",\"b\":[1]");
    }

    @Test
    void onlyACompactUtf8GeneratorWithDefaultEscapingTakesCopies() throws Exception {
        JsonFactory factory = new JsonFactory();
        try (JsonGenerator plain = factory.createGenerator(new ByteArrayOutputStream());
                JsonGenerator pretty = factory.createGenerator(new ByteArrayOutputStream()).useDefaultPrettyPrinter();
                JsonGenerator ascii = factory.createGenerator(new ByteArrayOutputStream())
                        .enable(JsonGenerator.Feature.ESCAPE_NON_ASCII);
                JsonGenerator chars = factory.createGenerator(new StringWriter());
                JsonGenerator tokens = new TokenBuffer(Json.mapper(), false)) {
            assertThat(OcsfChunks.fits(plain)).isTrue();
            assertThat(OcsfChunks.fits(pretty)).isFalse();
            assertThat(OcsfChunks.fits(ascii)).isFalse();
            assertThat(OcsfChunks.fits(chars)).isFalse();
            assertThat(OcsfChunks.fits(tokens)).isFalse();
        }
    }

    @Test
    void aPrettyGeneratorGetsEveryFieldIndented() throws Exception {
        AuditEvent e = everyKind().get(0);
        StringWriter out = new StringWriter();
        try (JsonGenerator g = Json.mapper().getFactory().createGenerator(out).useDefaultPrettyPrinter()) {
            e.writeOcsf(g);
        }
        assertThat(out.toString()).isEqualTo(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(e.toOcsf()));
    }
}
