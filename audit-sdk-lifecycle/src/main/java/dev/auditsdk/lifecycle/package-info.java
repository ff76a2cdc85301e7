/**
 * audit-sdk lifecycle module.
 */
package dev.auditsdk.lifecycle;
