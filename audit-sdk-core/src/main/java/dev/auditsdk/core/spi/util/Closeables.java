package dev.auditsdk.core.spi.util;

import dev.auditsdk.core.error.AuditTransportException;
import java.io.IOException;

/** Closes resources without checked exceptions: I/O failures become {@link AuditTransportException}. */
public final class Closeables {
    private Closeables() {
    }

    public static void closeUnchecked(AutoCloseable resource) {
        if (resource == null) {
            return;
        }
        try {
            resource.close();
        } catch (RuntimeException e) {
            throw e;
        } catch (IOException e) {
            throw new AuditTransportException("closing a response body failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AuditTransportException("interrupted while closing", e);
        } catch (Exception e) {
            throw new IllegalStateException("closing " + resource.getClass().getSimpleName() + " failed", e);
        }
    }
}
