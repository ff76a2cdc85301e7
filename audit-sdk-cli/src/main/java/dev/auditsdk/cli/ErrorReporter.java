package dev.auditsdk.cli;

import dev.auditsdk.cli.checkpoint.CheckpointFileException;
import dev.auditsdk.registry.VendorOption;
import dev.auditsdk.registry.VendorPlugin;
import dev.auditsdk.registry.VendorSettingException;
import dev.auditsdk.registry.VendorSettings;
import dev.auditsdk.core.error.AuditAccessDeniedException;
import dev.auditsdk.core.error.AuditApiException;
import dev.auditsdk.core.error.AuditAuthenticationException;
import dev.auditsdk.core.error.AuditDataException;
import dev.auditsdk.core.error.AuditNotFoundException;
import dev.auditsdk.core.error.AuditRateLimitedException;
import dev.auditsdk.core.error.AuditSdkException;
import dev.auditsdk.core.error.AuditServerException;
import dev.auditsdk.core.error.AuditTransportException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Turns a failure into an exit code and one line for the user: what failed, for which vendor,
 * and what to check. Stack traces are the caller's business ({@code --verbose}).
 */
final class ErrorReporter {
    private static final int MAX_MESSAGE = 400;

    private ErrorReporter() {
    }

    /**
     * @param error the failure
     * @return the exit code for it
     */
    static int exitCode(Throwable error) {
        Throwable t = primary(error);
        if (t instanceof VendorSettingException || t instanceof CheckpointFileException
                || t instanceof IllegalArgumentException) {
            return ExitCodes.USAGE;
        }
        if (t instanceof AuditAuthenticationException || t instanceof AuditAccessDeniedException) {
            return ExitCodes.AUTH;
        }
        if (t instanceof AuditDataException) {
            return ExitCodes.DATA;
        }
        if (t instanceof AuditTransportException) {
            return ExitCodes.NETWORK;
        }
        if (t instanceof AuditSdkException) {
            return ExitCodes.API;
        }
        return ExitCodes.SOFTWARE;
    }

    /**
     * @param error the failure
     * @param plugin the vendor of the command, or null
     * @param settings its settings, or null when they were not resolved yet
     * @return one line, without a trailing newline
     */
    static String message(Throwable error, VendorPlugin plugin, VendorSettings settings) {
        Throwable t = primary(error);
        String vendor = plugin == null ? "" : plugin.name() + ": ";
        String text = withoutVendorPrefix(oneLine(t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage()),
                plugin);
        if (t instanceof VendorSettingException || t instanceof CheckpointFileException) {
            return "auditlog: " + text;
        }
        if (t instanceof IllegalArgumentException) {
            return "auditlog: " + vendor + text;
        }
        if (t instanceof AuditSdkException) {
            AuditSdkException e = (AuditSdkException) t;
            Optional<String> vendorHint = plugin == null || settings == null ? Optional.empty() : plugin.hint(e, settings);
            return "auditlog: " + vendor + what(e) + text + details(e) + " - " + vendorHint.orElseGet(() -> hint(e, plugin, settings));
        }
        if (t instanceof UncheckedIOException || t instanceof IOException) {
            return "auditlog: " + vendor + "cannot write: " + text;
        }
        return "auditlog: " + vendor + "unexpected " + t.getClass().getName() + ": " + text + " - rerun with --verbose and report it";
    }

    /** The SDK failure inside wrappers (a stream may wrap it), else the error itself. */
    static Throwable primary(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof AuditSdkException || t instanceof VendorSettingException || t instanceof CheckpointFileException) {
                return t;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return error;
    }

    private static String what(AuditSdkException e) {
        if (e instanceof AuditAuthenticationException) {
            return "authentication failed: ";
        }
        if (e instanceof AuditAccessDeniedException) {
            return "access denied: ";
        }
        if (e instanceof AuditDataException) {
            return "unreadable data from the vendor: ";
        }
        if (e instanceof AuditTransportException) {
            return "cannot reach the vendor: ";
        }
        return "";
    }

    private static String details(AuditSdkException e) {
        List<String> parts = new ArrayList<>();
        if (e instanceof AuditApiException) {
            AuditApiException api = (AuditApiException) e;
            String msg = e.getMessage() == null ? "" : e.getMessage();
            if (api.statusCode() > 0 && !msg.contains(String.valueOf(api.statusCode()))) {
                parts.add("HTTP " + api.statusCode());
            }
            api.vendorCode().filter(c -> !msg.contains(c)).ifPresent(c -> parts.add("code " + c));
            api.requestId().ifPresent(r -> parts.add("request id " + r));
        }
        if (e instanceof AuditDataException && ((AuditDataException) e).line() > 0
                && !String.valueOf(e.getMessage()).contains("line")) {
            parts.add("line " + ((AuditDataException) e).line());
        }
        return parts.isEmpty() ? "" : " (" + String.join(", ", parts) + ")";
    }

    private static String hint(AuditSdkException e, VendorPlugin plugin, VendorSettings settings) {
        if (e instanceof AuditAuthenticationException) {
            return "check the credentials" + credentialOptions(plugin);
        }
        if (e instanceof AuditAccessDeniedException) {
            return "the credentials are valid but lack a permission: check the account's roles for reading the audit log";
        }
        if (e instanceof AuditNotFoundException) {
            return "check --base-url and the account, organization or tenant options";
        }
        if (e instanceof AuditRateLimitedException) {
            return "the vendor kept throttling after retries; try again later";
        }
        if (e instanceof AuditServerException) {
            return "the vendor's server failed after retries; try again later";
        }
        if (e instanceof AuditDataException) {
            return "rerun with --verbose and report it with the vendor's response";
        }
        if (e instanceof AuditTransportException) {
            return "check " + endpointOptions(plugin) + "the network and any proxy";
        }
        return "check the options; rerun with --verbose for details";
    }

    /** SDK messages often start with the vendor's name, which the line already shows. */
    private static String withoutVendorPrefix(String text, VendorPlugin plugin) {
        if (plugin == null) {
            return text;
        }
        for (String prefix : List.of(plugin.name() + ": ", plugin.settingsPrefix() + ": ")) {
            if (text.startsWith(prefix)) {
                return text.substring(prefix.length());
            }
        }
        return text;
    }

    private static String endpointOptions(VendorPlugin plugin) {
        if (plugin == null) {
            return "";
        }
        List<String> names = plugin.options().stream().map(VendorOption::name)
                .filter(n -> n.equals("base-url") || n.equals("region") || n.equals("login-url"))
                .map(n -> "--" + n).collect(Collectors.toList());
        return names.isEmpty() ? "" : String.join(" or ", names) + ", ";
    }

    private static String credentialOptions(VendorPlugin plugin) {
        if (plugin == null) {
            return "";
        }
        List<VendorOption> secrets = plugin.options().stream().filter(VendorOption::secret).collect(Collectors.toList());
        if (secrets.isEmpty()) {
            return "";
        }
        return " (" + secrets.stream().map(o -> o.longName() + " / " + o.envVar(plugin.settingsPrefix()))
                .collect(Collectors.joining(", ")) + ", and the user they belong to)";
    }

    private static String oneLine(String text) {
        String s = text.replaceAll("\\s+", " ").trim();
        return s.length() > MAX_MESSAGE ? s.substring(0, MAX_MESSAGE) + "..." : s;
    }
}
