/**
 * The Jitterbit Harmony wire types: the login answer, the export status answer and the API
 * Manager API log entry with its normalization to {@link dev.auditsdk.core.model.AuditEvent}.
 */
@AuditSdkStyle
package dev.auditsdk.jitterbit.model;

import dev.auditsdk.core.spi.AuditSdkStyle;
