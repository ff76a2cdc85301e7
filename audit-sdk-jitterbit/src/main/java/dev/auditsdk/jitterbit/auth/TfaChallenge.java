package dev.auditsdk.jitterbit.auth;

import java.util.Optional;
import org.immutables.value.Value;

/** What a {@link TfaCodeSupplier} is told when Harmony has emailed a two-factor code. */
@Value.Immutable
public abstract class TfaChallenge {

    /** @return a new builder */
    public static ImmutableTfaChallenge.Builder builder() {
        return ImmutableTfaChallenge.builder();
    }

    /** @return the Harmony user (email address) the code was sent to */
    public abstract String email();

    /** @return the device id the code is bound to */
    public abstract String deviceId();

    /** @return Harmony's message, e.g. "Validate your login with authentication code. ..." */
    public abstract Optional<String> message();
}
