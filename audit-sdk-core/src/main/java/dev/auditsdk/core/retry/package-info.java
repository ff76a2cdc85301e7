/**
 * Retry: the immutable {@link dev.auditsdk.core.retry.RetryPolicy} users configure. The engine
 * that applies it lives in the transport; Failsafe stays an internal detail.
 */
package dev.auditsdk.core.retry;
