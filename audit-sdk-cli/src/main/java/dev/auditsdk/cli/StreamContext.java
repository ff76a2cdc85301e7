package dev.auditsdk.cli;

import dev.auditsdk.core.AuditLogListener;
import dev.auditsdk.core.http.TransportListener;
import dev.auditsdk.registry.VendorContext;
import dev.auditsdk.registry.VendorSettingException;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The {@link VendorContext} of one stream of {@code tail --config}: streams run side by side, so
 * none may stop to ask the terminal for a code; warnings name the stream.
 */
final class StreamContext implements VendorContext {
    private final String stream;
    private final Consumer<String> warn;
    private final TransportListener listener;
    private final AuditLogListener events;

    /**
     * @param stream the stream's name
     * @param warn where warnings go
     * @param listener the stream's transport listener
     * @param events the stream's metrics, or {@link AuditLogListener#NONE}
     */
    StreamContext(String stream, Consumer<String> warn, TransportListener listener, AuditLogListener events) {
        this.stream = Objects.requireNonNull(stream, "stream");
        this.warn = Objects.requireNonNull(warn, "warn");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.events = Objects.requireNonNull(events, "events");
    }

    @Override
    public boolean interactive() {
        return false;
    }

    @Override
    public char[] promptSecret(String prompt) {
        throw new VendorSettingException("stream '" + stream + "' cannot ask '" + prompt.trim() + "': streams run side"
                + " by side without a terminal; configure the value (or a code command such as otp-command) instead");
    }

    @Override
    public void warn(String message) {
        warn.accept(stream + ": " + message);
    }

    @Override
    public TransportListener transportListener() {
        return listener;
    }

    @Override
    public AuditLogListener auditLogListener() {
        return events;
    }
}
