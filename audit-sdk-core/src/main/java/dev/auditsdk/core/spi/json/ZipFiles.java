package dev.auditsdk.core.spi.json;

import com.fasterxml.jackson.databind.JsonNode;
import dev.auditsdk.core.ReadLimits;
import dev.auditsdk.core.error.AuditDataException;
import dev.auditsdk.core.error.AuditTransportException;
import dev.auditsdk.core.spi.util.CloseableIterator;
import dev.auditsdk.core.spi.util.TempFiles;
import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A zip body, read file by file in name order. A zip's directory is at its end and its files may
 * have been written in any order, so the body is first spilled to a private temporary file (within
 * {@link ReadLimits#maxDecompressedBytes()}); each file is then inflated within the limits and
 * sniffed on its own (two CSV files each have their header, two JSON arrays are two documents).
 * Closing releases the archive and deletes the temporary file.
 */
final class ZipFiles implements Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(ZipFiles.class);

    private final ZipFile zip;
    private final Path spilled;
    private final List<ZipEntry> files;
    private final ReadLimits limits;
    private final String what;
    private final int layers;
    /** All files' output together, within the limits (per file, each also has its own guard). */
    private final DecompressionGuard total;
    private final List<Closeable> alsoClose = new ArrayList<>();
    private boolean closed;

    private ZipFiles(ZipFile zip, Path spilled, List<ZipEntry> files, ReadLimits limits, String what, int layers) {
        this.zip = zip;
        this.spilled = spilled;
        this.files = files;
        this.limits = limits;
        this.what = what;
        this.layers = layers;
        this.total = DecompressionGuard.forArchive(spilled.toFile().length(), limits, what);
    }

    /**
     * Reads a zip layer: one file gives that file's body (closing it releases the archive), several
     * files a {@link BodyFormat#ZIP_FILES} body, none an empty one.
     *
     * @param zipBytes the zip layer from its first byte; read to its end here
     * @param original the body as received, closed once the zip is on disk
     * @param layers the compression layers already unwrapped above this one, this one included
     */
    static SniffedBody read(InputStream zipBytes, InputStream original, ReadLimits limits, String what, int layers)
            throws IOException {
        Path spilled = TempFiles.createPrivate(null, "audit-sdk-body-", ".zip");
        ZipFiles archive;
        try {
            spill(zipBytes, spilled, limits, what);
            original.close();
            ZipFile zip = new ZipFile(spilled.toFile());
            List<ZipEntry> files;
            try {
                files = zip.stream().filter(e -> !e.isDirectory())
                        .sorted(Comparator.comparing(ZipEntry::getName)).collect(Collectors.toList());
            } catch (RuntimeException e) {
                zip.close();
                throw e;
            }
            archive = new ZipFiles(zip, spilled, files, limits, what, layers);
        } catch (IOException | RuntimeException e) {
            TempFiles.deleteQuietly(spilled);
            throw e;
        }
        try {
            if (archive.files.isEmpty()) {
                LOG.debug("{} is a zip archive without files", what);
                return new SniffedBody(BodyFormat.EMPTY, archive.new Handle(), limits);
            }
            if (archive.files.size() == 1) {
                LOG.debug("{} is a zip archive; reading its file {}", what, archive.files.get(0).getName());
                SniffedBody only = archive.open(0);
                if (only.format() == BodyFormat.ZIP_FILES) {
                    only.zipFiles().alsoClose.add(archive);
                    return only;
                }
                return new SniffedBody(only.format(), new ClosingToo(only.body(), archive), limits);
            }
            LOG.debug("{} is a zip archive of {} files; reading them in name order", what, archive.files.size());
            return new SniffedBody(archive, limits);
        } catch (RuntimeException e) {
            archive.close();
            throw e;
        }
    }

    private static void spill(InputStream in, Path file, ReadLimits limits, String what) throws IOException {
        long max = limits.maxDecompressedBytes();
        long copied = 0;
        byte[] buf = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(file)) {
            int n;
            while ((n = in.read(buf)) >= 0) {
                copied += n;
                if (copied > max) {
                    throw new AuditDataException(what + " is a zip archive of more than " + max
                            + " bytes (ReadLimits.maxDecompressedBytes)");
                }
                out.write(buf, 0, n);
            }
        }
    }

    /** @return the files, in the order they are read */
    List<String> names() {
        return files.stream().map(ZipEntry::getName).collect(Collectors.toList());
    }

    /** The entries of every file, one file after the other; closing it closes this archive. */
    <T> CloseableIterator<T> entries(String arrayField, Function<? super JsonNode, ? extends T> mapper) {
        return new CloseableIterator<T>() {
            private int nextFile;
            private CloseableIterator<T> current;

            @Override
            public boolean hasNext() {
                while (current == null || !inFile(current::hasNext)) {
                    if (current != null) {
                        current.close();
                        current = null;
                    }
                    if (nextFile >= files.size()) {
                        return false;
                    }
                    current = open(nextFile++).entries(arrayField, mapper);
                }
                return true;
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return inFile(current::next);
            }

            /** Names the file in a data error of one of its entries (the readers know only lines). */
            private <R> R inFile(Supplier<R> read) {
                try {
                    return read.get();
                } catch (AuditDataException e) {
                    throw new AuditDataException(what + ", file " + files.get(nextFile - 1).getName() + ": "
                            + e.getMessage(), e.line(), e.offset(), e);
                }
            }

            @Override
            public void close() {
                try {
                    if (current != null) {
                        current.close();
                    }
                } finally {
                    ZipFiles.this.close();
                }
            }
        };
    }

    private SniffedBody open(int index) {
        ZipEntry entry = files.get(index);
        String file = what + " (file " + entry.getName() + ")";
        InputStream in;
        try {
            in = zip.getInputStream(entry);
        } catch (ZipException e) {
            throw new AuditDataException(what + " is a corrupt zip archive (file " + entry.getName() + ")", e);
        } catch (IOException e) {
            throw new AuditTransportException("reading " + file + " from its temporary copy failed", e);
        }
        InputStream guarded = total.archiveFile(DecompressionGuard.zipEntry(in, entry.getCompressedSize(), limits, file));
        return BodySniffer.sniff(guarded, limits, file, layers);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            zip.close();
        } catch (IOException e) {
            LOG.debug("closing the temporary zip {} failed: {}", spilled, e.toString());
        }
        TempFiles.deleteQuietly(spilled);
        for (Closeable c : alsoClose) {
            try {
                c.close();
            } catch (IOException e) {
                LOG.debug("closing an enclosing archive failed: {}", e.toString());
            }
        }
    }

    /**
     * What {@link SniffedBody#body()} hands out for a body of several files: not readable as bytes,
     * but {@link BodyFormat#sniff} recognises it and gives the files back, so a body can be passed
     * on as an {@link InputStream} (e.g. in an export status) and read where it is parsed.
     */
    final class Handle extends InputStream {
        ZipFiles files() {
            return ZipFiles.this;
        }

        @Override
        public int read() throws IOException {
            if (files.isEmpty()) {
                return -1;
            }
            throw new IOException(what + " is a zip archive of " + files.size() + " files " + names()
                    + "; read its entries through SniffedBody.entries, not as one stream of bytes");
        }

        @Override
        public void close() {
            ZipFiles.this.close();
        }
    }

    /** A file's body that also releases its archive when closed. */
    private static final class ClosingToo extends FilterInputStream {
        private final Closeable also;

        ClosingToo(InputStream in, Closeable also) {
            super(in);
            this.also = also;
        }

        @Override
        public void close() throws IOException {
            try {
                super.close();
            } finally {
                also.close();
            }
        }
    }
}
