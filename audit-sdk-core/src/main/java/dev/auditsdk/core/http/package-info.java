/**
 * The transport: {@link dev.auditsdk.core.http.HttpTransport} is the one place every request of
 * every vendor goes through (authentication, retry, rate limit, timeouts, gzip, redirects,
 * error decoding, logging without secrets).
 */
package dev.auditsdk.core.http;
