package dev.auditsdk.registry;

import java.util.Locale;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One setting a vendor needs (endpoint, user, password, region, ...). The command line offers
 * it as {@code --<name>}, the environment as {@code AUDITLOG_<PREFIX>_<NAME>} and a
 * {@code --config} properties file as {@code <prefix>.<name>}, where the prefix is the
 * plugin's {@link VendorPlugin#settingsPrefix()}. The Kafka connector offers it as
 * {@code streams.<stream>.<name>}.
 */
@Value.Immutable
public abstract class VendorOption {

    /** @return a new builder */
    public static ImmutableVendorOption.Builder builder() {
        return ImmutableVendorOption.builder();
    }

    /**
     * A plain text setting.
     *
     * @param name the option name without dashes, e.g. {@code "base-url"}
     * @param label the parameter label in the help, e.g. {@code "URL"}
     * @param description what it is, one line
     * @return the option
     */
    public static VendorOption text(String name, String label, String description) {
        return builder().name(name).label(label).description(description).build();
    }

    /**
     * A secret setting (password, token, client secret): never printed, and a warning when given
     * on the command line.
     *
     * @param name the option name without dashes
     * @param label the parameter label in the help
     * @param description what it is, one line
     * @return the option
     */
    public static VendorOption secret(String name, String label, String description) {
        return builder().name(name).label(label).description(description).secret(true).build();
    }

    /**
     * An on/off switch without a value on the command line ({@code true}/{@code false} in the
     * environment or the config file).
     *
     * @param name the option name without dashes
     * @param description what it turns on, one line
     * @return the option
     */
    public static VendorOption flag(String name, String description) {
        return builder().name(name).label("").description(description).flag(true).build();
    }

    /** @return the option name without dashes, lower case words joined by {@code -} */
    public abstract String name();

    /** @return the value's label in the help, e.g. {@code URL} */
    public abstract String label();

    /** @return a one-line description for the help */
    public abstract String description();

    /** @return true for values that must never be printed */
    @Value.Default
    public boolean secret() {
        return false;
    }

    /** @return true when the source cannot be built without it */
    @Value.Default
    public boolean required() {
        return false;
    }

    /** @return true for a switch that takes no value on the command line */
    @Value.Default
    public boolean flag() {
        return false;
    }

    /** @return the value used when none is given anywhere */
    public abstract Optional<String> defaultValue();

    /**
     * Marks an option whose default (or absence) stands for a guess where the vendor publishes
     * nothing: what is assumed, e.g. {@code "Boomi does not publish the staging paths"}. The
     * option is how to override the guess; {@code auditlog vendors} and the module READMEs show it.
     *
     * @return what is assumed, if the option overrides an assumption
     */
    public abstract Optional<String> assumption();

    /** @return the command-line form, e.g. {@code --base-url} */
    @Value.Derived
    @Value.Auxiliary
    public String longName() {
        return "--" + name();
    }

    /**
     * @param prefix the plugin's settings prefix, e.g. {@code lifecycle}
     * @return the environment variable, e.g. {@code AUDITLOG_LIFECYCLE_BASE_URL}
     */
    public String envVar(String prefix) {
        return "AUDITLOG_" + constantCase(prefix) + "_" + constantCase(name());
    }

    /**
     * @param prefix the plugin's settings prefix
     * @return the key in a {@code --config} properties file, e.g. {@code lifecycle.base-url}
     */
    public String configKey(String prefix) {
        return prefix + "." + name();
    }

    private static String constantCase(String s) {
        return s.toUpperCase(Locale.ROOT).replace('-', '_').replace('.', '_');
    }

    @Value.Check
    void check() {
        if (!name().matches("[a-z][a-z0-9]*(-[a-z0-9]+)*")) {
            throw new IllegalArgumentException("VendorOption: 'name' must be lower-case words joined by '-', was '" + name() + "'");
        }
        if (flag() && secret()) {
            throw new IllegalArgumentException("VendorOption: a flag cannot be secret: " + name());
        }
    }
}
