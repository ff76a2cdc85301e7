/**
 * The command line's own part of each vendor: the simulators that {@code auditlog demo} starts.
 * What a vendor is (its options, settings and source) lives in {@code dev.auditsdk.registry}.
 */
package dev.auditsdk.cli.vendor;
