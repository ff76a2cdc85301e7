/**
 * The Jitterbit Harmony simulator: login (with and without two-factor authentication) and the
 * API Manager Log Service's asynchronous log export, see
 * {@link dev.auditsdk.testkit.jitterbit.JitterbitSimulator}.
 */
package dev.auditsdk.testkit.jitterbit;
