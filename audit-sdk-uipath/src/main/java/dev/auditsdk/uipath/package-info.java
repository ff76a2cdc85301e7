/**
 * UiPath Automation Cloud audit logs: {@link dev.auditsdk.uipath.UiPathAuditLogSource} for the
 * classic Platform Management API ({@code audit_/api/auditlogs}) and
 * {@link dev.auditsdk.uipath.UiPathUnifiedAuditLogSource} for the unified audit API
 * ({@code orgaudit_} / {@code tenantaudit_}), both authenticated with OAuth client credentials.
 */
@AuditSdkStyle
package dev.auditsdk.uipath;

import dev.auditsdk.core.spi.AuditSdkStyle;
