package dev.auditsdk.testkit.boomi;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Builds the bytes of a staged export archive and their MD5 checksum. */
final class StagingArchive {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private StagingArchive() {
    }

    static byte[] build(List<ObjectNode> records, StagingArchiveFormat format) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            switch (format) {
                case GZIP_JSON_LINES:
                case GZIP_JSON_ARRAY:
                    try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
                        write(records, format, gz);
                    }
                    break;
                case ZIP_JSON_LINES:
                case ZIP_JSON_ARRAY:
                case ZIP_JSON_ENVELOPE:
                    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
                        zip.putNextEntry(new ZipEntry(format == StagingArchiveFormat.ZIP_JSON_LINES
                                ? "auditlogs.jsonl" : "auditlogs.json"));
                        write(records, format, zip);
                        zip.closeEntry();
                    }
                    break;
                default:
                    throw new IllegalArgumentException("format " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void write(List<ObjectNode> records, StagingArchiveFormat format, OutputStream out) throws IOException {
        boolean lines = format == StagingArchiveFormat.GZIP_JSON_LINES || format == StagingArchiveFormat.ZIP_JSON_LINES;
        boolean envelope = format == StagingArchiveFormat.ZIP_JSON_ENVELOPE;
        if (envelope) {
            out.write(("{\"" + BoomiSimulator.ENVELOPE_FIELD + "\":").getBytes(StandardCharsets.UTF_8));
        }
        if (!lines) {
            out.write('[');
        }
        for (int i = 0; i < records.size(); i++) {
            if (!lines && i > 0) {
                out.write(',');
            }
            out.write(MAPPER.writeValueAsBytes(records.get(i)));
            if (lines) {
                out.write('\n');
            }
        }
        if (!lines) {
            out.write((envelope ? "]}\n" : "]\n").getBytes(StandardCharsets.UTF_8));
        }
    }

    static String md5Hex(byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("MD5").digest(bytes);
            StringBuilder sb = new StringBuilder();
            for (byte b : digest) {
                sb.append(String.format("%02x", b));
            }
            return sb.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is required by the Java platform", e);
        }
    }
}
