/**
 * A simulator of the Sonatype Lifecycle (IQ Server) audit log REST API,
 * {@link dev.auditsdk.testkit.lifecycle.LifecycleSimulator}.
 */
package dev.auditsdk.testkit.lifecycle;
