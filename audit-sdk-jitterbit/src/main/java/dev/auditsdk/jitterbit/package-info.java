/**
 * audit-sdk jitterbit module.
 */
package dev.auditsdk.jitterbit;
