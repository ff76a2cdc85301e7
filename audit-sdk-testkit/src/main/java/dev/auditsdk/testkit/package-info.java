/**
 * Faithful in-process simulators of the vendor audit-log APIs, for tests and the demo.
 *
 * <p>Every simulator extends {@link dev.auditsdk.testkit.SimulatorServer}: it starts on a free
 * loopback port, exposes its {@link dev.auditsdk.testkit.SimulatorServer#baseUrl() base URL},
 * generates seedable deterministic data, and supports latency, fault injection, appending
 * entries while a client reads, and request statistics.
 */
package dev.auditsdk.testkit;
