/**
 * Boomi credentials as users give them: {@link dev.auditsdk.boomi.auth.BoomiCredentials} turns an
 * API token into the {@code BOOMI_TOKEN.<user>} Basic credentials Boomi expects. (How requests
 * authenticate, Basic with the optional {@code X-Boomi-OTP} code and the staging API's JWT, is
 * internal to the module.)
 */
package dev.auditsdk.boomi.auth;
