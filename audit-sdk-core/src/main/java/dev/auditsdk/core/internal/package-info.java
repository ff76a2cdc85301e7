/**
 * Internal helpers of audit-sdk. Not part of the public API: may change without notice.
 */
package dev.auditsdk.core.internal;
