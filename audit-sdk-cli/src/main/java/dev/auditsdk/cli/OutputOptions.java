package dev.auditsdk.cli;

import dev.auditsdk.cli.output.OutputFormat;
import java.nio.file.Path;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;

/** {@code --format} and {@code --output}, shared by the commands that write entries. */
final class OutputOptions {

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "ndjson", converter = FormatConverter.class,
            description = "ndjson (the normalized event, default), raw (the vendor's own JSON), ocsf, or csv (RFC 4180).")
    OutputFormat format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write entries to FILE instead of stdout. With --checkpoint the file is appended to, and"
                    + " entries written after the last saved checkpoint are removed before a run continues.")
    Path output;

    /** Converts a format name, any case. */
    static final class FormatConverter implements ITypeConverter<OutputFormat> {
        @Override
        public OutputFormat convert(String value) {
            return OutputFormat.parse(value);
        }
    }
}
