/**
 * The SDK's single unchecked exception hierarchy, rooted at {@link dev.auditsdk.core.error.AuditSdkException}.
 */
package dev.auditsdk.core.error;
