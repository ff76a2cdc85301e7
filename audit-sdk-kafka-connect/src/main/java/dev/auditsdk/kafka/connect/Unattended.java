package dev.auditsdk.kafka.connect;

import dev.auditsdk.core.http.TransportListener;
import dev.auditsdk.registry.VendorContext;
import dev.auditsdk.registry.VendorSettingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The connector's side of {@link VendorContext}: no terminal to prompt on, warnings go to the log. */
final class Unattended implements VendorContext {
    private static final Logger LOG = LoggerFactory.getLogger(Unattended.class);
    private final String stream;

    /**
     * @param stream the stream the source is built for, named in warnings
     */
    Unattended(String stream) {
        this.stream = stream;
    }

    @Override
    public boolean interactive() {
        return false;
    }

    @Override
    public char[] promptSecret(String prompt) {
        throw new VendorSettingException("stream '" + stream + "' cannot ask '" + prompt.trim()
                + "': a connector has no terminal; configure the value instead");
    }

    @Override
    public void warn(String message) {
        LOG.warn("stream '{}': {}", stream, message);
    }

    @Override
    public TransportListener transportListener() {
        return TransportListener.NONE;
    }
}
