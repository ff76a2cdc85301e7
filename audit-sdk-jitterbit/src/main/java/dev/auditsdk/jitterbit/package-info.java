/**
 * Jitterbit Harmony: the API Manager API log, read through the asynchronous API Manager Log
 * Service export. Start with {@link dev.auditsdk.jitterbit.JitterbitApiLogSource#builder()}.
 */
@AuditSdkStyle
package dev.auditsdk.jitterbit;

import dev.auditsdk.core.spi.AuditSdkStyle;
