/**
 * audit-sdk boomi module.
 */
package dev.auditsdk.boomi;
