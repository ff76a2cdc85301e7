/**
 * The {@code auditlog} command line: {@code vendors}, {@code pull}, {@code tail}, {@code export}
 * and {@code demo}. {@link dev.auditsdk.cli.Main} is the entry point of the runnable jar;
 * {@link dev.auditsdk.cli.Auditlog#run} runs a command line in-process.
 */
package dev.auditsdk.cli;
