package dev.auditsdk.testkit.ocsf;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Command line check of OCSF events written one per line (NDJSON), for example the output of
 * {@code auditlog pull ... -f ocsf}:
 *
 * <pre>
 * java -cp audit-sdk-cli/target/auditlog.jar dev.auditsdk.testkit.ocsf.OcsfCheck events.ndjson
 * auditlog pull boomi ... -f ocsf | java -cp auditlog.jar dev.auditsdk.testkit.ocsf.OcsfCheck -
 * </pre>
 *
 * Prints each violation as {@code FILE:LINE: path: message}, then a summary with the recommended
 * attributes left out and how often. Options: {@code --schema DIR} checks against a checkout of
 * the {@code ocsf/ocsf-schema} repository instead of the bundled OCSF
 * {@value OcsfSchema#BUNDLED_VERSION}; {@code --max-errors N} stops printing after N violations
 * (default 100). Exit status: 0 when every event is valid, 1 when one is not, 2 on a usage or
 * read error.
 */
public final class OcsfCheck {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final OcsfValidator validator;
    private final PrintStream out;
    private final int maxErrors;
    private long events;
    private long invalid;
    private long printed;
    private final Map<String, Long> missingRecommended = new TreeMap<>();

    OcsfCheck(OcsfValidator validator, PrintStream out, int maxErrors) {
        this.validator = validator;
        this.out = out;
        this.maxErrors = maxErrors;
    }

    /**
     * @param args {@code [--schema DIR] [--max-errors N] FILE...}; {@code -} reads standard input
     */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /**
     * Runs the check without exiting the JVM.
     *
     * @param args as for {@link #main(String[])}
     * @param out where findings and the summary go
     * @param err where usage and read errors go
     * @return the exit status: 0 all valid, 1 a violation, 2 a usage or read error
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        List<String> files = new ArrayList<>();
        Path schemaDir = null;
        int maxErrors = 100;
        try {
            for (int i = 0; i < args.length; i++) {
                if (args[i].equals("--schema") && i + 1 < args.length) {
                    schemaDir = Path.of(args[++i]);
                } else if (args[i].equals("--max-errors") && i + 1 < args.length) {
                    maxErrors = Integer.parseInt(args[++i]);
                } else if (args[i].startsWith("--")) {
                    throw new IllegalArgumentException("unknown option " + args[i]);
                } else {
                    files.add(args[i]);
                }
            }
        } catch (IllegalArgumentException e) {
            err.println("ocsf-check: " + e.getMessage());
            files.clear();
        }
        if (files.isEmpty()) {
            err.println("usage: OcsfCheck [--schema DIR] [--max-errors N] FILE... ('-' for standard input)");
            return 2;
        }
        OcsfSchema schema = schemaDir == null ? OcsfSchema.bundled() : OcsfSchema.fromDirectory(schemaDir);
        OcsfCheck check = new OcsfCheck(new OcsfValidator(schema), out, maxErrors);
        for (String file : files) {
            try (Reader r = file.equals("-") ? new InputStreamReader(System.in, StandardCharsets.UTF_8)
                    : Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8)) {
                check.read(file, new BufferedReader(r));
            } catch (IOException e) {
                err.println("ocsf-check: cannot read " + file + ": " + e.getMessage());
                return 2;
            }
        }
        return check.summarize(schema.version());
    }

    void read(String name, BufferedReader lines) throws IOException {
        String line;
        long number = 0;
        while ((line = lines.readLine()) != null) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            events++;
            List<String> errors;
            try {
                JsonNode event = MAPPER.readTree(line);
                OcsfReport report = validator.validate(event);
                errors = report.errors();
                report.missingRecommended().forEach(p -> missingRecommended.merge(p, 1L, Long::sum));
            } catch (JsonProcessingException e) {
                errors = List.of("not JSON: " + e.getOriginalMessage());
            }
            if (!errors.isEmpty()) {
                invalid++;
            }
            for (String error : errors) {
                if (printed++ < maxErrors) {
                    out.println(name + ":" + number + ": " + error);
                }
            }
        }
    }

    int summarize(String version) {
        if (printed > maxErrors) {
            out.println("... " + (printed - maxErrors) + " more violations not shown");
        }
        out.println("checked " + events + " events against OCSF " + version + ": " + (events - invalid) + " valid, "
                + invalid + " invalid");
        if (!missingRecommended.isEmpty()) {
            out.println("recommended attributes left out (events):");
            missingRecommended.forEach((path, count) -> out.println("  " + path + " (" + count + ")"));
        }
        return invalid == 0 ? 0 : 1;
    }
}
