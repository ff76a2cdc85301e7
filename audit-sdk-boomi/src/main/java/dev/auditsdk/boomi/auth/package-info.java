/**
 * Boomi authentication: HTTP Basic with a password or a {@code BOOMI_TOKEN.} API token plus the
 * optional {@code X-Boomi-OTP} code for the Platform API, and the short-lived JWT bearer token
 * of the Audit Log Staging API.
 */
@AuditSdkStyle
package dev.auditsdk.boomi.auth;

import dev.auditsdk.core.spi.AuditSdkStyle;
