package dev.auditsdk.registry;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * How the user names a vendor option where the settings came from, so that a message about a
 * missing or bad value points at what the user typed: {@code --password} or
 * {@code AUDITLOG_BOOMI_PASSWORD} on the command line, {@code streams.acme.password} in a
 * connector configuration.
 */
public interface SettingNames {

    /**
     * The command line's names: {@code --<name>}, {@code AUDITLOG_<PREFIX>_<NAME>} and
     * {@code <prefix>.<name>} in the {@code --config} file.
     *
     * @param prefix the plugin's {@link VendorPlugin#settingsPrefix()}
     * @return the names
     */
    static SettingNames commandLine(String prefix) {
        Objects.requireNonNull(prefix, "prefix");
        return new SettingNames() {
            @Override
            public String name(VendorOption option) {
                return option.longName();
            }

            @Override
            public String where(VendorOption option, VendorSettings.Origin origin) {
                switch (origin) {
                    case ENVIRONMENT:
                        return option.envVar(prefix);
                    case CONFIG_FILE:
                        return option.configKey(prefix) + " in the --config file";
                    default:
                        return option.longName();
                }
            }

            @Override
            public String describe(VendorOption option) {
                return option.longName() + " (or " + option.envVar(prefix) + ", or " + option.configKey(prefix)
                        + " in the --config file)";
            }

            @Override
            public String alternatives(List<VendorOption> options) {
                return " (or " + options.stream().map(o -> o.envVar(prefix)).collect(Collectors.joining(" / ")) + ")";
            }
        };
    }

    /**
     * Keys of one flat configuration, {@code <keyPrefix><name>}, wherever a value came from; e.g.
     * {@code streams.acme.} for a stream of a connector.
     *
     * @param keyPrefix what precedes the option name in a key, including its final dot
     * @return the names
     */
    static SettingNames keys(String keyPrefix) {
        Objects.requireNonNull(keyPrefix, "keyPrefix");
        return new SettingNames() {
            @Override
            public String name(VendorOption option) {
                return keyPrefix + option.name();
            }

            @Override
            public String where(VendorOption option, VendorSettings.Origin origin) {
                return name(option);
            }

            @Override
            public String describe(VendorOption option) {
                return name(option);
            }

            @Override
            public String alternatives(List<VendorOption> options) {
                return "";
            }
        };
    }

    /**
     * @param option an option
     * @return its short name, e.g. {@code --password}
     */
    String name(VendorOption option);

    /**
     * @param option an option
     * @param origin where its value came from
     * @return the name of the place the value was given, e.g. {@code AUDITLOG_BOOMI_PASSWORD}
     */
    String where(VendorOption option, VendorSettings.Origin origin);

    /**
     * @param option an option
     * @return every way to give it, for a message saying that it is needed
     */
    String describe(VendorOption option);

    /**
     * @param options options of one message
     * @return other ways to give them, with a leading space, or an empty string when there are none
     */
    String alternatives(List<VendorOption> options);
}
