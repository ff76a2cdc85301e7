/**
 * UiPath's audit entries as typed values: {@link dev.auditsdk.uipath.model.UiPathAuditEntry}
 * (classic API) and {@link dev.auditsdk.uipath.model.UiPathUnifiedAuditEvent} (unified API),
 * and their mapping to the normalized {@link dev.auditsdk.core.model.AuditEvent} (package-private
 * {@code UiPathNormalizer}, one OCSF mapping for both).
 */
@AuditSdkStyle
package dev.auditsdk.uipath.model;

import dev.auditsdk.core.spi.AuditSdkStyle;
