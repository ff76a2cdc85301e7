package dev.auditsdk.core.spi.util;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.auditsdk.core.ReadLimits;

/**
 * The SDK's one {@link ObjectMapper} configuration: java.time and {@code Optional} support, ISO-8601 dates,
 * unknown properties ignored (vendors add fields), no failure on empty beans, and Jackson's
 * {@link StreamReadConstraints} with a nesting depth of {@value #DEFAULT_MAX_NESTING_DEPTH} (the default of
 * {@code ReadLimits}) and bounded strings and numbers. The mapper is thread-safe; do not reconfigure it.
 * Whole answers are read into trees by {@code dev.auditsdk.core.spi.json.JsonTrees}, within the
 * source's read limits.
 */
public final class Json {
    /** Generous for long audit messages; a string in a tree is also bounded by maxTreeBytes. */
    private static final int MAX_STRING_LENGTH = 50_000_000;
    /** Jackson's own default: a longer number is not an audit field, and parsing it costs quadratic time. */
    private static final int MAX_NUMBER_LENGTH = 1000;
    /** The nesting depth the shared mapper allows ({@code ReadLimits}' default refers to it). */
    public static final int DEFAULT_MAX_NESTING_DEPTH = 256;
    private static final ObjectMapper MAPPER = create(DEFAULT_MAX_NESTING_DEPTH);

    private Json() {
    }

    /** @return the shared, pre-configured mapper, whose parsers allow {@value #DEFAULT_MAX_NESTING_DEPTH} levels of nesting */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * Whether a parse failure is the input ending inside a JSON value — a body cut short on the
     * way rather than malformed data. Jackson reports it as {@link JsonEOFException} or, inside
     * arrays and objects, as "Unexpected end-of-input".
     *
     * @param e the parser's failure
     * @return true if the input ended early
     */
    public static boolean endedEarly(JsonProcessingException e) {
        if (e instanceof JsonEOFException) {
            return true;
        }
        String m = e.getOriginalMessage();
        return m != null && m.startsWith("Unexpected end-of-input");
    }

    /**
     * A mapper configured like {@link #mapper()} whose parsers allow {@code maxNestingDepth} levels;
     * for readers applying other limits (cache it: building one is not cheap).
     *
     * @param maxNestingDepth the deepest nesting the parsers accept
     * @return a new mapper
     */
    public static ObjectMapper create(int maxNestingDepth) {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxStringLength(MAX_STRING_LENGTH)
                        .maxNumberLength(MAX_NUMBER_LENGTH)
                        .maxNestingDepth(maxNestingDepth)
                        .build())
                .build();
        ObjectMapper mapper = new ObjectMapper(factory);
        mapper.registerModule(new JavaTimeModule());
        mapper.registerModule(new Jdk8Module());
        mapper.configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        mapper.configure(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE, false);
        mapper.configure(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS, false);
        mapper.configure(SerializationFeature.FAIL_ON_EMPTY_BEANS, false);
        return mapper;
    }
}
