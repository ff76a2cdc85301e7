/**
 * UiPath Automation Cloud audit logs: {@link dev.auditsdk.uipath.UiPathAuditLogSource} for the
 * classic Platform Management API ({@code audit_/api/auditlogs}), built by
 * {@link dev.auditsdk.uipath.UiPathSourceBuilder}, and
 * {@link dev.auditsdk.uipath.UiPathUnifiedAuditLogSource} for the unified audit API
 * ({@code orgaudit_} / {@code tenantaudit_}), built by
 * {@link dev.auditsdk.uipath.UiPathUnifiedSourceBuilder}; both authenticated with OAuth client
 * credentials. Everything else in the package (connection, token client, page functions, error
 * decoder) is package-private.
 */
package dev.auditsdk.uipath;
