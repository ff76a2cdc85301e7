package dev.auditsdk.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Each vendor module README holds, between {@code <!-- options:<vendor> -->} markers, the table
 * of that vendor's options as the registry defines them: the test fails when a README and the
 * registry disagree. Run it with {@code -Dreadme.update=true} to rewrite the tables from the
 * registry. Every vendor README also has the same sections in the same order.
 */
class VendorReadmeTest {
    /** The {@code ## } sections of every vendor README, in order; each heading starts with its name. */
    static final List<String> SECTIONS = List.of("Usage", "Configuration", "CLI, environment and config file",
            "How it reads", "Normalization", "Assumptions", "Not covered", "Testing against the simulator");
    private static final Pattern HEADING = Pattern.compile("(?m)^## (.*)$");
    private static final boolean UPDATE = Boolean.getBoolean("readme.update");

    private static Path readme(String module) {
        return Path.of("").toAbsolutePath().resolveSibling("audit-sdk-" + module).resolve("README.md");
    }

    /** @return the module of a plugin: the part of its name before the first dash */
    private static String module(VendorPlugin p) {
        int dash = p.name().indexOf('-');
        return dash < 0 ? p.name() : p.name().substring(0, dash);
    }

    @Test
    void everyReadmeOptionTableIsTheRegistrysTable() throws IOException {
        List<String> stale = new ArrayList<>();
        for (VendorPlugin p : VendorRegistry.builtIn()) {
            Path file = readme(module(p));
            String text = Files.readString(file, StandardCharsets.UTF_8);
            String begin = "<!-- options:" + p.name() + " -->\n";
            String end = "<!-- /options:" + p.name() + " -->";
            int from = text.indexOf(begin);
            int to = text.indexOf(end);
            assertThat(from).as(file + " has no " + begin.trim() + " marker").isNotNegative();
            assertThat(to).as(file + " has no " + end + " marker").isGreaterThan(from);
            String table = table(p);
            String current = text.substring(from + begin.length(), to);
            if (!current.equals(table)) {
                if (UPDATE) {
                    Files.writeString(file, text.substring(0, from + begin.length()) + table + text.substring(to),
                            StandardCharsets.UTF_8);
                } else {
                    stale.add(file + " (" + p.name() + "); expected:\n" + table);
                }
            }
        }
        assertThat(stale).as("README option tables that differ from the registry (rerun with -Dreadme.update=true)")
                .isEmpty();
    }

    @Test
    void everyOptionKeyOfTheRegistryAppearsInItsModuleReadme() throws IOException {
        for (VendorPlugin p : VendorRegistry.builtIn()) {
            String text = Files.readString(readme(module(p)), StandardCharsets.UTF_8);
            for (VendorOption o : p.options()) {
                assertThat(text).as(p.name() + " README").contains("`" + o.longName())
                        .contains("`" + o.envVar(p.settingsPrefix()) + "`").contains("`" + o.configKey(p.settingsPrefix()) + "`");
            }
        }
    }

    @Test
    void everyVendorReadmeHasTheSameSectionsInTheSameOrder() throws IOException {
        Set<String> modules = new LinkedHashSet<>();
        VendorRegistry.builtIn().forEach(p -> modules.add(module(p)));
        for (String module : modules) {
            Matcher m = HEADING.matcher(Files.readString(readme(module), StandardCharsets.UTF_8));
            List<String> headings = new ArrayList<>();
            while (m.find()) {
                headings.add(m.group(1));
            }
            assertThat(headings).as(module + " README sections").hasSameSizeAs(SECTIONS);
            for (int i = 0; i < SECTIONS.size(); i++) {
                assertThat(headings.get(i)).as(module + " README section " + (i + 1)).startsWith(SECTIONS.get(i));
            }
        }
    }

    /** The markdown table of a plugin's options, as the README holds it. */
    static String table(VendorPlugin p) {
        List<String> commands = new ArrayList<>(List.of("pull", "tail"));
        if (p.supportsExport()) {
            commands.add("export");
        }
        StringBuilder sb = new StringBuilder();
        sb.append("`auditlog ").append(String.join("|", commands)).append(' ').append(p.name()).append("`:\n\n");
        sb.append("| option | environment variable | config key | default | description |\n");
        sb.append("|---|---|---|---|---|\n");
        for (VendorOption o : p.options()) {
            String prefix = p.settingsPrefix();
            String option = "`" + o.longName() + (o.flag() ? "" : " " + o.label()) + "`";
            String dflt = o.required() ? "required" : o.defaultValue().map(d -> "`" + d + "`").orElse("");
            String description = o.description() + (o.secret() ? " *Secret: never printed; prefer the environment.*" : "")
                    + o.assumption().map(a -> " **Assumption:** " + a + "; this option overrides it.").orElse("");
            sb.append("| ").append(option).append(" | `").append(o.envVar(prefix)).append("` | `")
                    .append(o.configKey(prefix)).append("` | ").append(cell(dflt)).append(" | ").append(cell(description))
                    .append(" |\n");
        }
        return sb.toString();
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;");
    }
}
