package dev.auditsdk.registry;

import java.util.Optional;

/**
 * A vendor setting is missing or has a value the vendor cannot use. The command line reports it
 * as a usage error (exit code 2) with this message; the Kafka connector reports it on the
 * configuration key of {@link #option()}.
 */
public class VendorSettingException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The option at fault, or null when the problem is not one option's. */
    private final String option;

    /**
     * @param message what is wrong and how to fix it; never contains a secret value
     */
    public VendorSettingException(String message) {
        this(null, message);
    }

    /**
     * @param option the name of the option at fault (without dashes), or null
     * @param message what is wrong and how to fix it; never contains a secret value
     */
    public VendorSettingException(String option, String message) {
        super(message);
        this.option = option;
    }

    /** @return the name of the option at fault, when the problem is one option's */
    public Optional<String> option() {
        return Optional.ofNullable(option);
    }
}
