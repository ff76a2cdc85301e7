package dev.auditsdk.boomi;

import java.util.Locale;
import java.util.Objects;

/**
 * The layout of a staged audit-log archive, which Boomi does not publish: its compression
 * ({@link Container}) and how its records are written ({@link Records}). The default,
 * {@link #AUTO}, detects both from the downloaded bytes (gzip, zip or uncompressed; a JSON array
 * or JSON Lines). Set it when the archive is known to differ, e.g. records wrapped in an object
 * ({@code envelope:auditLogs}), or to have a different archive refused with a clear error
 * instead of being guessed at.
 *
 * <p>As text ({@link #of(String)}): {@code auto}, or a container and/or a record layout joined
 * by {@code +}: {@code zip}, {@code gzip}, {@code none}; {@code json-array}, {@code json-lines},
 * {@code envelope:<field>}. For example {@code gzip+json-lines}, {@code zip+envelope:auditLogs},
 * {@code json-array} (any compression).
 */
public final class StagedArchiveFormat {
    /** Both the compression and the record layout detected from the bytes. */
    public static final StagedArchiveFormat AUTO = new StagedArchiveFormat(Container.AUTO, Records.AUTO, null);

    /** The compression of the downloaded file. */
    public enum Container {
        /** Detected from the file's first bytes: zip, gzip or none. */
        AUTO,
        /** A zip archive; every file in it is read. */
        ZIP,
        /** A gzip-compressed file. */
        GZIP,
        /** An uncompressed file. */
        NONE
    }

    /** How the records are written in the (decompressed) file. */
    public enum Records {
        /** Detected from the first characters: a JSON array or JSON Lines. */
        AUTO,
        /** One top-level JSON array of records. */
        JSON_ARRAY,
        /** One JSON record per line. */
        JSON_LINES,
        /** A JSON object whose array field ({@link StagedArchiveFormat#arrayField()}) holds the records. */
        ENVELOPE
    }

    private final Container container;
    private final Records records;
    private final String arrayField;

    private StagedArchiveFormat(Container container, Records records, String arrayField) {
        this.container = container;
        this.records = records;
        this.arrayField = arrayField;
    }

    /**
     * @param container the compression
     * @param records the record layout other than {@link Records#ENVELOPE}
     * @return the format
     */
    public static StagedArchiveFormat of(Container container, Records records) {
        Objects.requireNonNull(container, "container");
        Objects.requireNonNull(records, "records");
        if (records == Records.ENVELOPE) {
            throw new IllegalArgumentException("an ENVELOPE layout needs its array field: use envelope(container, field)");
        }
        return new StagedArchiveFormat(container, records, null);
    }

    /**
     * @param container the compression
     * @param arrayField the field of the enveloping JSON object that holds the records
     * @return the format
     */
    public static StagedArchiveFormat envelope(Container container, String arrayField) {
        Objects.requireNonNull(container, "container");
        Objects.requireNonNull(arrayField, "arrayField");
        if (arrayField.isBlank()) {
            throw new IllegalArgumentException("the envelope's array field must not be blank");
        }
        return new StagedArchiveFormat(container, Records.ENVELOPE, arrayField.trim());
    }

    /**
     * Reads the text form (see the class description), case-insensitive except the envelope field.
     *
     * @param text e.g. {@code auto}, {@code gzip+json-lines}, {@code zip+envelope:auditLogs}
     * @return the format
     * @throws IllegalArgumentException naming the part that is not understood
     */
    public static StagedArchiveFormat of(String text) {
        Objects.requireNonNull(text, "archiveFormat");
        Container container = Container.AUTO;
        Records records = Records.AUTO;
        String field = null;
        boolean containerSet = false;
        boolean recordsSet = false;
        for (String raw : text.trim().split("\\+", -1)) {
            String part = raw.trim();
            String lower = part.toLowerCase(Locale.ROOT);
            if (lower.equals("auto")) {
                continue;
            }
            Container c = container(lower);
            if (c != null && !containerSet) {
                container = c;
                containerSet = true;
            } else if (lower.startsWith("envelope:") && !recordsSet) {
                field = part.substring("envelope:".length()).trim();
                if (field.isEmpty()) {
                    throw new IllegalArgumentException("archiveFormat: 'envelope:' needs the array field holding the"
                            + " records, e.g. envelope:auditLogs; was '" + text + "'");
                }
                records = Records.ENVELOPE;
                recordsSet = true;
            } else if ((lower.equals("json-array") || lower.equals("json-lines")) && !recordsSet) {
                records = lower.equals("json-array") ? Records.JSON_ARRAY : Records.JSON_LINES;
                recordsSet = true;
            } else {
                throw new IllegalArgumentException("archiveFormat: '" + part + "' in '" + text + "' is not understood;"
                        + " expected auto, or at most one of zip, gzip, none and at most one of json-array, json-lines,"
                        + " envelope:<field>, joined by '+' (e.g. gzip+json-lines)");
            }
        }
        return new StagedArchiveFormat(container, records, field);
    }

    private static Container container(String lower) {
        switch (lower) {
            case "zip":
                return Container.ZIP;
            case "gzip":
                return Container.GZIP;
            case "none":
                return Container.NONE;
            default:
                return null;
        }
    }

    /** @return the compression */
    public Container container() {
        return container;
    }

    /** @return the record layout */
    public Records records() {
        return records;
    }

    /** @return the enveloping object's array field, for {@link Records#ENVELOPE}; otherwise null */
    public String arrayField() {
        return arrayField;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof StagedArchiveFormat)) {
            return false;
        }
        StagedArchiveFormat f = (StagedArchiveFormat) o;
        return container == f.container && records == f.records && Objects.equals(arrayField, f.arrayField);
    }

    @Override
    public int hashCode() {
        return Objects.hash(container, records, arrayField);
    }

    /** @return the text form, which {@link #of(String)} reads back */
    @Override
    public String toString() {
        if (container == Container.AUTO && records == Records.AUTO) {
            return "auto";
        }
        String c = container.name().toLowerCase(Locale.ROOT);
        String r = records == Records.ENVELOPE ? "envelope:" + arrayField
                : records.name().toLowerCase(Locale.ROOT).replace('_', '-');
        return container == Container.AUTO ? r : records == Records.AUTO ? c : c + "+" + r;
    }
}
