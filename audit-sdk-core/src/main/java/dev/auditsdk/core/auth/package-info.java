/**
 * Credentials and authentication: secret-safe credential values, {@code CredentialsProvider}s,
 * the single-flight token cache for session-style logins (with its login pacing), the one rule
 * for vendor-sent lifetimes ({@link dev.auditsdk.core.spi.auth.TokenLifetime}) and JWT {@code exp}
 * reader ({@link dev.auditsdk.core.spi.auth.JwtClaims}), and the
 * {@link dev.auditsdk.core.spi.auth.Authenticator} the transport asks for request headers.
 */
@AuditSdkStyle
package dev.auditsdk.core.auth;

import dev.auditsdk.core.spi.AuditSdkStyle;
