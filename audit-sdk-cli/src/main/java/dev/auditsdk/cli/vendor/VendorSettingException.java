package dev.auditsdk.cli.vendor;

/**
 * A vendor setting is missing or has a value the vendor cannot use. The command line reports it
 * as a usage error (exit code 2) with this message.
 */
public class VendorSettingException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what is wrong and how to fix it; never contains a secret value
     */
    public VendorSettingException(String message) {
        super(message);
    }
}
