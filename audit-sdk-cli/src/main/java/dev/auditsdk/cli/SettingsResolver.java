package dev.auditsdk.cli;

import dev.auditsdk.registry.VendorOption;
import dev.auditsdk.registry.VendorPlugin;
import dev.auditsdk.registry.VendorSettingException;
import dev.auditsdk.registry.VendorSettings;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * Resolves a vendor's settings: command line, then {@code AUDITLOG_<PREFIX>_<NAME>}, then the
 * {@code --config} file, then the defaults. Warns about secrets given on the command line and
 * about a config file with secrets that others can read; rejects unknown keys of the vendor in
 * the config file (a typo would otherwise be silently ignored).
 */
final class SettingsResolver {

    private SettingsResolver() {
    }

    static OptionSpec optionSpec(VendorPlugin plugin, VendorOption o) {
        String env = o.envVar(plugin.settingsPrefix());
        String text = o.description().endsWith(".") ? o.description() : o.description() + ".";
        String description = text + (o.defaultValue().isPresent() ? " Default: " + o.defaultValue().get() + "." : "")
                + " [env " + env + (o.secret() ? "; prefer the environment for this secret" : "") + "]";
        OptionSpec.Builder b = OptionSpec.builder(o.longName()).description(description);
        if (o.flag()) {
            b.type(boolean.class).arity("0");
        } else {
            b.type(String.class).arity("1").paramLabel(o.label());
        }
        return b.build();
    }

    /**
     * @param siblings every vendor, to know the keys that vendors sharing this one's prefix accept
     */
    static VendorSettings resolve(VendorPlugin plugin, List<VendorPlugin> siblings, CommandSpec spec,
            Map<String, String> env, Path configFile, Consumer<String> warn) {
        ParseResult parsed = spec.commandLine().getParseResult();
        Map<String, String> config = loadConfig(plugin, siblings, configFile, warn);
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, VendorSettings.Origin> origins = new LinkedHashMap<>();
        String prefix = plugin.settingsPrefix();
        for (VendorOption o : plugin.options()) {
            if (parsed != null && parsed.hasMatchedOption(o.longName())) {
                Object v = parsed.matchedOptionValue(o.longName(), null);
                values.put(o.name(), String.valueOf(v));
                origins.put(o.name(), VendorSettings.Origin.COMMAND_LINE);
                if (o.secret()) {
                    warn.accept(o.longName() + " on the command line can be seen in the process list and shell history;"
                            + " set " + o.envVar(prefix) + " instead");
                }
            } else if (env.containsKey(o.envVar(prefix))) {
                values.put(o.name(), env.get(o.envVar(prefix)));
                origins.put(o.name(), VendorSettings.Origin.ENVIRONMENT);
            } else if (config.containsKey(o.name())) {
                values.put(o.name(), config.get(o.name()));
                origins.put(o.name(), VendorSettings.Origin.CONFIG_FILE);
            }
        }
        VendorSettings settings = VendorSettings.resolved(plugin, values, origins);
        List<String> missing = settings.missingRequired();
        if (!missing.isEmpty()) {
            VendorOption first = plugin.options().stream().filter(o -> o.name().equals(missing.get(0))).findFirst()
                    .orElseThrow();
            throw new VendorSettingException(plugin.name() + " needs " + missing.stream().map(n -> "--" + n)
                    .collect(Collectors.joining(", ")) + "; each can also be set in the environment, e.g. "
                    + first.envVar(prefix) + ", or in the --config file, e.g. " + first.configKey(prefix));
        }
        return settings;
    }

    /** @return this vendor's values in the config file, by option name */
    private static Map<String, String> loadConfig(VendorPlugin plugin, List<VendorPlugin> siblings, Path file,
            Consumer<String> warn) {
        Map<String, String> out = new LinkedHashMap<>();
        if (file == null) {
            return out;
        }
        Properties props = properties(file);
        String prefix = plugin.settingsPrefix() + ".";
        Map<String, VendorOption> known = new LinkedHashMap<>();
        plugin.options().forEach(o -> known.put(o.name(), o));
        // a key of another vendor with the same prefix (uipath and uipath-unified) is not a typo
        Set<String> sharedNames = new TreeSet<>();
        siblings.stream().filter(p -> p.settingsPrefix().equals(plugin.settingsPrefix()))
                .forEach(p -> p.options().forEach(o -> sharedNames.add(o.name())));
        Set<String> unknown = new TreeSet<>();
        boolean hasSecret = false;
        for (String key : props.stringPropertyNames()) {
            if (!key.startsWith(prefix)) {
                continue;
            }
            String name = key.substring(prefix.length());
            VendorOption o = known.get(name);
            if (o == null) {
                if (!sharedNames.contains(name)) {
                    unknown.add(key);
                }
                continue;
            }
            out.put(name, props.getProperty(key).trim());
            hasSecret |= o.secret();
        }
        if (!unknown.isEmpty()) {
            List<String> valid = new ArrayList<>();
            known.values().forEach(o -> valid.add(o.configKey(plugin.settingsPrefix())));
            throw new VendorSettingException("--config " + file + ": unknown key" + (unknown.size() > 1 ? "s " : " ")
                    + String.join(", ", unknown) + " (known: " + String.join(", ", valid) + ")");
        }
        if (hasSecret && readableByOthers(file)) {
            warn.accept("--config " + file + " holds secrets and can be read by other users; chmod 600 it");
        }
        return out;
    }

    /**
     * @param file the {@code --config} file
     * @return its keys and values
     * @throws VendorSettingException when it is missing or not a properties file
     */
    static Properties properties(Path file) {
        Properties props = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            props.load(r);
        } catch (NoSuchFileException e) {
            throw new VendorSettingException("--config " + file + ": no such file");
        } catch (IOException | IllegalArgumentException e) {
            throw new VendorSettingException("--config " + file + ": cannot read it as a properties file: " + e.getMessage());
        }
        return props;
    }

    /** @return true when users other than the owner may read the file (best effort; false where unknown) */
    static boolean readableByOthers(Path file) {
        try {
            Set<PosixFilePermission> p = Files.getPosixFilePermissions(file);
            return p.contains(PosixFilePermission.OTHERS_READ) || p.contains(PosixFilePermission.GROUP_READ);
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }
}
