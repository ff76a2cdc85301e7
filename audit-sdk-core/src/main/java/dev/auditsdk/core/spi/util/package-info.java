/**
 * The bottom layer: the shared Jackson {@link dev.auditsdk.core.spi.util.Json} configuration,
 * lazy closeable iterators, closing helpers, the {@link dev.auditsdk.core.spi.util.Redactor} that
 * masks secrets in messages, the one timestamp parser ({@link dev.auditsdk.core.spi.util.Timestamps})
 * and the SDK's version. Depends on nothing else of the SDK but the error types.
 */
@AuditSdkProtectedApi
package dev.auditsdk.core.spi.util;

import dev.auditsdk.core.spi.AuditSdkProtectedApi;
