/**
 * audit-sdk cli module.
 */
package dev.auditsdk.cli;
