package dev.auditsdk.core.model;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.json.UTF8JsonGenerator;
import dev.auditsdk.core.spi.util.Json;
import dev.auditsdk.core.spi.util.RawUtf8;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * Runs of OCSF fields whose bytes are the same at every event of a kind (the class and activity
 * captions, severity and status, the SDK as logger), rendered once by the same code that writes
 * them field by field and then copied into each event's output as one piece. A run is a
 * {@link Fields} writer: {@link #of} renders it after a first field, so its bytes start with the
 * comma that separates it from the field before and end with a complete value; the generator's
 * own state is then "after a value", exactly as if the fields had been written one by one.
 *
 * <p>Used only where the copy gives the very bytes the generator would write ({@link #fits}): a
 * compact UTF-8 generator with Jackson's default escaping. Anything else (a token buffer for
 * {@code toOcsf()}, a pretty printer, escaped non-ASCII) gets the fields written one by one.
 */
final class OcsfChunks {
    /** Writes a run of fields inside an object, after at least one field. */
    @FunctionalInterface
    interface Fields {
        /**
         * @param g a generator inside an object
         * @throws IOException when the output fails
         */
        void write(JsonGenerator g) throws IOException;
    }

    /** A run of fields: its writer, and its bytes as that writer renders them. */
    static final class Chunk {
        private final Fields fields;
        private final SerializableString bytes;

        private Chunk(Fields fields, byte[] utf8) {
            this.fields = fields;
            this.bytes = RawUtf8.of(utf8);
        }

        /**
         * Writes the run: copied when the generator {@link #fits}, else field by field.
         *
         * @param g a generator inside an object, after at least one field
         * @param copy what {@link #fits} said of {@code g}
         * @throws IOException when the output fails
         */
        void write(JsonGenerator g, boolean copy) throws IOException {
            if (copy) {
                g.writeRaw(bytes);
            } else {
                fields.write(g);
            }
        }

        /** @return the run's bytes, for tests */
        byte[] utf8() {
            return bytes.asUnquotedUTF8();
        }
    }

    private OcsfChunks() {
    }

    /**
     * @param fields the run's writer
     * @return the run, rendered once
     */
    static Chunk of(Fields fields) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator g = Json.mapper().getFactory().createGenerator(out)) {
            g.writeStartObject();
            g.writeNumberField("_", 0);
            g.flush();
            int start = out.size();
            fields.write(g);
            g.flush();
            byte[] all = out.toByteArray();
            return new Chunk(fields, Arrays.copyOfRange(all, start, all.length));
        } catch (IOException e) {
            // a byte array does no I/O
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param g a generator
     * @return whether a copied run gives the bytes {@code g} would write field by field: a compact
     *     UTF-8 generator with default escaping and quoting
     */
    static boolean fits(JsonGenerator g) {
        return g instanceof UTF8JsonGenerator
                && g.getPrettyPrinter() == null
                && g.getCharacterEscapes() == null
                && g.getHighestEscapedChar() == 0
                && g.isEnabled(JsonGenerator.Feature.QUOTE_FIELD_NAMES)
                && !g.isEnabled(JsonGenerator.Feature.ESCAPE_NON_ASCII)
                && !g.isEnabled(JsonGenerator.Feature.WRITE_NUMBERS_AS_STRINGS)
                && !g.isEnabled(JsonGenerator.Feature.STRICT_DUPLICATE_DETECTION);
    }
}
