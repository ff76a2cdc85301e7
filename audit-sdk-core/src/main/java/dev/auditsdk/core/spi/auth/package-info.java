/**
 * How requests get their credentials: an {@link dev.auditsdk.core.spi.auth.Authenticator} adds
 * {@link dev.auditsdk.core.spi.auth.AuthHeaders} to each request; a
 * {@link dev.auditsdk.core.spi.auth.TokenAuthenticator} logs in through a vendor's login function
 * and keeps the token in a {@link dev.auditsdk.core.spi.auth.TokenCache} (one login at a time,
 * bounded waits, refresh before expiry, at most one refresh per 401), with lifetimes read from
 * JWT {@code exp} claims ({@link dev.auditsdk.core.spi.auth.JwtClaims}) and clamped by
 * {@link dev.auditsdk.core.spi.auth.TokenLifetime}. The credentials users supply are user API in
 * {@code dev.auditsdk.core.auth}.
 */
@AuditSdkProtectedApi
package dev.auditsdk.core.spi.auth;

import dev.auditsdk.core.spi.AuditSdkProtectedApi;
