package dev.auditsdk.jitterbit.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.auditsdk.core.auth.Secret;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.immutables.value.Value;

/**
 * The answer of {@code PUT /user/login} and {@code PUT /user/login/tfacode}. A refused login
 * is HTTP 200 too: check {@link #status()}, not the HTTP status. The token is a secret and is
 * left out of {@link #toString()}.
 */
@Value.Immutable
@JsonDeserialize(as = ImmutableLoginResponse.class)
public abstract class LoginResponse {
    /** The {@link #errorCode()} of the first TFA step: a code was emailed to the user. */
    public static final String VALIDATE_TFA_LOGIN_EMAIL = "VALIDATE_TFA_LOGIN_EMAIL";

    /** @return a new builder */
    public static ImmutableLoginResponse.Builder builder() {
        return ImmutableLoginResponse.builder();
    }

    /** @return true when the login succeeded and {@link #authenticationToken()} is set */
    @Value.Default
    public boolean status() {
        return false;
    }

    /** @return the operation, {@code "User login"} */
    public abstract Optional<String> operation();

    /** @return the session token to send as the {@code authToken} header */
    @Value.Redacted
    public abstract Optional<Secret> authenticationToken();

    /** @return the URL of the user's region */
    public abstract Optional<String> serverUrl();

    /** @return the cloud apps URL of the user's region */
    public abstract Optional<String> cloudAppsUrl();

    /** @return the organizations the user belongs to */
    public abstract List<OrgAttr> orgAttrs();

    /** @return the user's default organization id */
    public abstract Optional<String> defaultOrgId();

    /** @return how long the token lives, in seconds */
    public abstract OptionalLong sessionTimeoutInSeconds();

    /** @return why the login was refused, e.g. {@link #VALIDATE_TFA_LOGIN_EMAIL} */
    public abstract Optional<String> errorCode();

    /** @return the human-readable reason of a refusal */
    public abstract Optional<String> errorMessage();

    /** @return true when this is the first TFA step's answer: a code was emailed, send it to {@code /user/login/tfacode} */
    public boolean tfaCodeRequired() {
        return !status() && errorCode().map(VALIDATE_TFA_LOGIN_EMAIL::equals).orElse(false);
    }
}
