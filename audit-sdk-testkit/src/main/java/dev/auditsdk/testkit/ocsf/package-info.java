/**
 * A conformance checker for OCSF events: {@link dev.auditsdk.testkit.ocsf.OcsfSchema} reads the
 * official OCSF schema files (vendored here for version 1.3.0, Apache-2.0, with the project's
 * LICENSE and NOTICE) and resolves classes and objects the way the OCSF server does;
 * {@link dev.auditsdk.testkit.ocsf.OcsfValidator} checks an event against them;
 * {@link dev.auditsdk.testkit.ocsf.OcsfCheck} does so from the command line for an NDJSON file.
 */
package dev.auditsdk.testkit.ocsf;
