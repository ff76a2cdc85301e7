package dev.auditsdk.jitterbit.auth;

import dev.auditsdk.core.auth.Secret;

/**
 * Asks the caller for the two-factor code Harmony emailed (a prompt, a mailbox reader, an
 * environment variable). Called once per login of an organization that enforces two-factor
 * authentication, that is at the first request and whenever the session expires
 * ({@code sessionTimeoutInSeconds}, four hours in the vendor's samples).
 *
 * <p>The SDK never repeats the first login step on its own: each such call emails a new code,
 * which would invalidate the one being typed.
 */
@FunctionalInterface
public interface TfaCodeSupplier {

    /**
     * @param challenge who the code was sent to, and Harmony's message
     * @return the code from the email; null or blank aborts the login
     */
    Secret code(TfaChallenge challenge);
}
