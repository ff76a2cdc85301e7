/**
 * audit-sdk uipath module.
 */
package dev.auditsdk.uipath;
