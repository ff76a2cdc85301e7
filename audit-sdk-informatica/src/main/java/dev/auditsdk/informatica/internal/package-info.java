/**
 * Informatica internals, not part of the API: the v2/v3 login and session, the error decoder,
 * and the page and window functions the pagers call.
 */
package dev.auditsdk.informatica.internal;
