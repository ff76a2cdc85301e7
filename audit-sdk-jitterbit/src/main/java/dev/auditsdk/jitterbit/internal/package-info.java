/**
 * Implementation details of the Jitterbit module; not part of the public API.
 */
package dev.auditsdk.jitterbit.internal;
