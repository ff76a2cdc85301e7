package dev.auditsdk.registry;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * The values of one vendor's {@link VendorOption}s with the origin of each: for the command line,
 * resolved from its arguments, the environment, a {@code --config} file and the defaults, in that
 * order of precedence; for the connector, from one stream's keys. Messages about a bad or missing
 * value name the option as the user gave it ({@link SettingNames}). {@link #toString()} never
 * shows a secret.
 */
public final class VendorSettings {

    /** Where a value came from. */
    public enum Origin {
        /** {@code --name value} on the command line. */
        COMMAND_LINE,
        /** An {@code AUDITLOG_<PREFIX>_<NAME>} environment variable. */
        ENVIRONMENT,
        /** A {@code <prefix>.<name>} key of the {@code --config} file, or a key of a connector's configuration. */
        CONFIG_FILE,
        /** The option's default, or a value set by the program (the demo). */
        DEFAULT
    }

    private final String vendor;
    private final Map<String, VendorOption> options;
    private final Map<String, String> values;
    private final Map<String, Origin> origins;
    private final SettingNames names;

    private VendorSettings(VendorPlugin plugin, Map<String, String> values, Map<String, Origin> origins,
            SettingNames names) {
        this.vendor = plugin.name();
        this.names = Objects.requireNonNull(names, "names");
        Map<String, VendorOption> byName = new LinkedHashMap<>();
        for (VendorOption o : plugin.options()) {
            byName.put(o.name(), o);
        }
        this.options = Collections.unmodifiableMap(byName);
        for (String name : values.keySet()) {
            if (!byName.containsKey(name)) {
                throw new IllegalArgumentException("vendor " + vendor + " has no option '" + name + "'");
            }
        }
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        this.origins = Collections.unmodifiableMap(new LinkedHashMap<>(origins));
    }

    /**
     * Settings with explicit values (plus the options' defaults), e.g. the demo's simulator settings.
     *
     * @param plugin the vendor
     * @param values option name to value
     * @return the settings
     * @throws IllegalArgumentException if a name is not one of the plugin's options
     */
    public static VendorSettings of(VendorPlugin plugin, Map<String, String> values) {
        Map<String, Origin> origins = new LinkedHashMap<>();
        values.keySet().forEach(k -> origins.put(k, Origin.DEFAULT));
        return resolved(plugin, values, origins);
    }

    /**
     * Settings whose values were already resolved by the command line; fills in defaults.
     *
     * @param plugin the vendor
     * @param values option name to value
     * @param origins option name to where the value came from
     * @return the settings
     */
    public static VendorSettings resolved(VendorPlugin plugin, Map<String, String> values, Map<String, Origin> origins) {
        return resolved(plugin, values, origins, SettingNames.commandLine(plugin.settingsPrefix()));
    }

    /**
     * Settings whose values were already resolved, named in messages as {@code names} says;
     * fills in defaults.
     *
     * @param plugin the vendor
     * @param values option name to value
     * @param origins option name to where the value came from
     * @param names how the user names each option where these settings came from
     * @return the settings
     * @throws IllegalArgumentException if a name is not one of the plugin's options
     */
    public static VendorSettings resolved(VendorPlugin plugin, Map<String, String> values, Map<String, Origin> origins,
            SettingNames names) {
        Map<String, String> v = new LinkedHashMap<>(values);
        Map<String, Origin> o = new LinkedHashMap<>(origins);
        for (VendorOption option : plugin.options()) {
            if (!v.containsKey(option.name()) && option.defaultValue().isPresent()) {
                v.put(option.name(), option.defaultValue().get());
                o.put(option.name(), Origin.DEFAULT);
            }
        }
        return new VendorSettings(plugin, v, o, names);
    }

    /** @return the vendor these settings are for */
    public String vendor() {
        return vendor;
    }

    /**
     * @param name an option name
     * @return its value, if one was given anywhere or it has a default
     */
    public Optional<String> get(String name) {
        option(name);
        return Optional.ofNullable(values.get(name)).filter(s -> !s.isEmpty());
    }

    /**
     * @param name an option name
     * @return its value
     * @throws VendorSettingException naming the option, its environment variable and config key, when it has no value
     */
    public String require(String name) {
        return get(name).orElseThrow(() -> new VendorSettingException(name, vendor + " needs " + describe(option(name))));
    }

    /**
     * @param name a flag option's name
     * @return true when the flag is set ({@code true}, {@code yes}, {@code 1} or {@code on} outside the command line)
     */
    public boolean flag(String name) {
        return get(name).map(v -> {
            String s = v.trim().toLowerCase(Locale.ROOT);
            if (s.equals("true") || s.equals("yes") || s.equals("1") || s.equals("on")) {
                return true;
            }
            if (s.equals("false") || s.equals("no") || s.equals("0") || s.equals("off")) {
                return false;
            }
            throw invalid(name, "expected true or false");
        }).orElse(false);
    }

    /**
     * @param name an option name
     * @return its value as an absolute URI, if given
     * @throws VendorSettingException if the value is not an absolute http(s) URI
     */
    public Optional<URI> uri(String name) {
        return get(name).map(v -> {
            try {
                URI uri = new URI(v.trim());
                if (uri.getScheme() == null || uri.getHost() == null
                        || !(uri.getScheme().equalsIgnoreCase("http") || uri.getScheme().equalsIgnoreCase("https"))) {
                    throw invalid(name, "expected an absolute http(s) URL such as https://host.example.com");
                }
                if (uri.getUserInfo() != null) {
                    throw invalid(name, "put credentials in their own options, not in the URL");
                }
                return uri;
            } catch (URISyntaxException e) {
                throw invalid(name, "not a valid URL");
            }
        });
    }

    /**
     * @param name an option name
     * @return its value as an integer, if given
     * @throws VendorSettingException if the value is not an integer
     */
    public OptionalInt integer(String name) {
        Optional<String> v = get(name);
        if (v.isEmpty()) {
            return OptionalInt.empty();
        }
        try {
            return OptionalInt.of(Integer.parseInt(v.get().trim()));
        } catch (NumberFormatException e) {
            throw invalid(name, "expected an integer");
        }
    }

    /**
     * @param name an option name
     * @param zeroAllowed whether {@code 0s} is a valid value
     * @return its value as a duration ({@code 500ms}, {@code 30s}, {@code 5m}, {@code 1h} or ISO-8601), if given
     * @throws VendorSettingException if the value is not such a duration
     */
    public Optional<Duration> duration(String name, boolean zeroAllowed) {
        Optional<String> v = get(name);
        if (v.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Durations.parse(v.get(), zeroAllowed));
        } catch (IllegalArgumentException e) {
            throw invalid(name, e.getMessage());
        }
    }

    /**
     * Hands an option's value, if given, to a builder setter; a value the setter refuses (an
     * {@link IllegalArgumentException}, e.g. out of range) becomes a usage error on that option.
     *
     * @param name the option name, for the error
     * @param value the value read with {@link #get}, {@link #duration}, {@link #uri} ...
     * @param setter the builder method
     * @param <T> the value type
     * @throws VendorSettingException naming the option when the setter refuses the value
     */
    public <T> void set(String name, Optional<T> value, Consumer<? super T> setter) {
        value.ifPresent(v -> {
            try {
                setter.accept(v);
            } catch (IllegalArgumentException e) {
                throw invalid(name, e.getMessage());
            }
        });
    }

    /**
     * As {@link #set(String, Optional, Consumer)} for an integer option.
     *
     * @param name the option name
     * @param setter the builder method
     * @throws VendorSettingException naming the option when the value is not an integer or is refused
     */
    public void setInteger(String name, IntConsumer setter) {
        OptionalInt value = integer(name);
        set(name, value.isPresent() ? Optional.of(value.getAsInt()) : Optional.empty(), setter::accept);
    }

    /**
     * A usage error for a bad value; the value itself is quoted only when it is not secret.
     *
     * @param name the option name
     * @param why what is expected
     * @return the exception, to be thrown by the caller
     */
    public VendorSettingException invalid(String name, String why) {
        VendorOption option = option(name);
        String shown = option.secret() ? "" : " '" + values.getOrDefault(name, "") + "'";
        Origin origin = origins.getOrDefault(name, Origin.DEFAULT);
        return new VendorSettingException(name, vendor + ": invalid value" + shown + " for "
                + names.where(option, origin) + ": " + why);
    }

    /**
     * A usage error for a combination of options, e.g. exactly one of two credentials.
     *
     * @param first the option the error is reported on
     * @param requirement what is needed, with {@code {}} standing for each option's name in turn,
     *     e.g. {@code "exactly one of {} and {}"}
     * @param others the other options, in the order of the remaining {@code {}}
     * @return the exception, to be thrown by the caller: {@code "<vendor> needs <requirement>"} and
     *     the other ways to give the options
     */
    public VendorSettingException needs(String first, String requirement, String... others) {
        List<VendorOption> involved = new ArrayList<>();
        involved.add(option(first));
        for (String other : others) {
            involved.add(option(other));
        }
        StringBuilder text = new StringBuilder();
        int at = 0;
        for (VendorOption o : involved) {
            int slot = requirement.indexOf("{}", at);
            if (slot < 0) {
                throw new IllegalArgumentException("requirement has fewer {} than options: " + requirement);
            }
            text.append(requirement, at, slot).append(names.name(o));
            at = slot + 2;
        }
        text.append(requirement.substring(at));
        return new VendorSettingException(first, vendor + " needs " + text + names.alternatives(involved));
    }

    /**
     * @param name an option name
     * @return where its value came from, if it has one
     */
    public Optional<Origin> origin(String name) {
        option(name);
        return Optional.ofNullable(values.containsKey(name) ? origins.getOrDefault(name, Origin.DEFAULT) : null);
    }

    /** @return the values of every secret option that has one, for redaction */
    public Set<String> secretValues() {
        Set<String> out = new LinkedHashSet<>();
        options.values().stream().filter(VendorOption::secret)
                .forEach(o -> get(o.name()).ifPresent(out::add));
        return out;
    }

    /** @return the names of the required options that have no value */
    public List<String> missingRequired() {
        List<String> missing = new ArrayList<>();
        for (VendorOption o : options.values()) {
            if (o.required() && get(o.name()).isEmpty()) {
                missing.add(o.name());
            }
        }
        return missing;
    }

    /**
     * @param option an option of this vendor
     * @return how to give it, e.g. {@code --username (or AUDITLOG_LIFECYCLE_USERNAME, or lifecycle.username in the --config file)}
     *     on the command line
     */
    public String describe(VendorOption option) {
        return names.describe(option);
    }

    private VendorOption option(String name) {
        VendorOption o = options.get(Objects.requireNonNull(name, "name"));
        if (o == null) {
            throw new IllegalArgumentException("vendor " + vendor + " has no option '" + name + "'");
        }
        return o;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("VendorSettings{vendor=").append(vendor);
        values.forEach((k, v) -> sb.append(", ").append(k).append('=').append(options.get(k).secret() ? "****" : v));
        return sb.append('}').toString();
    }
}
