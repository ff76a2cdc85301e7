/**
 * audit-sdk informatica module.
 */
package dev.auditsdk.informatica;
