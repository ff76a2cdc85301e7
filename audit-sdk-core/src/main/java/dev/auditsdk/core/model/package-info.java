/**
 * The normalized, OCSF-aligned model shared by all vendors: {@link dev.auditsdk.core.model.AuditEvent}.
 */
@AuditSdkStyle
package dev.auditsdk.core.model;

import dev.auditsdk.core.spi.AuditSdkStyle;
