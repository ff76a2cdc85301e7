/**
 * audit-sdk benchmarks module.
 */
package dev.auditsdk.benchmarks;
