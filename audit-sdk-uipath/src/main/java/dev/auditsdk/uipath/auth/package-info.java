/**
 * OAuth 2.0 client-credentials authentication against UiPath Identity
 * ({@code {identityUrl}/connect/token}).
 */
@AuditSdkStyle
package dev.auditsdk.uipath.auth;

import dev.auditsdk.core.spi.AuditSdkStyle;
