package dev.auditsdk.boomi;

import dev.auditsdk.boomi.auth.BoomiCredentials;
import dev.auditsdk.core.spi.auth.AuthHeaders;
import dev.auditsdk.core.spi.auth.Authenticator;
import dev.auditsdk.core.spi.auth.BasicAuthenticator;
import dev.auditsdk.core.auth.CredentialsProvider;
import dev.auditsdk.core.auth.Secret;
import dev.auditsdk.core.auth.UsernamePassword;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The Platform API's authentication: HTTP Basic (password, or API token via
 * {@link BoomiCredentials}) and, for users with two-factor authentication, the one-time code in
 * {@code X-Boomi-OTP}. Credentials and the code are resolved for every request, so a code
 * generator (TOTP) can hand out the current code.
 *
 * <p>On a 401 a replay is worth trying only when a one-time code is configured (it may have
 * expired between its generation and the request); a refused password stays refused.
 */
final class BoomiBasicAuthenticator implements Authenticator {
    /** The two-factor authentication header. */
    static final String OTP_HEADER = "X-Boomi-OTP";

    private final BasicAuthenticator basic;
    private final Supplier<Secret> otp;

    private BoomiBasicAuthenticator(CredentialsProvider<UsernamePassword> credentials, Supplier<Secret> otp) {
        this.basic = BasicAuthenticator.of(Objects.requireNonNull(credentials, "credentials"));
        this.otp = otp;
    }

    /**
     * @param credentials the Basic credentials (see {@link BoomiCredentials#fromApiToken(CredentialsProvider)})
     * @param otp supplies the current two-factor code, or null when the user has none
     * @return the authenticator
     */
    static BoomiBasicAuthenticator of(CredentialsProvider<UsernamePassword> credentials, Supplier<Secret> otp) {
        return new BoomiBasicAuthenticator(credentials, otp);
    }

    @Override
    public AuthHeaders authenticate() {
        AuthHeaders basicHeaders = basic.authenticate();
        if (otp == null) {
            return basicHeaders;
        }
        Map<String, String> headers = new LinkedHashMap<>(basicHeaders.headers());
        headers.put(OTP_HEADER, Objects.requireNonNull(otp.get(), "the OTP supplier returned null").reveal());
        return AuthHeaders.of(headers);
    }

    /**
     * @param rejected the refused headers
     * @return true when a one-time code is configured (a fresh code may succeed), else false
     */
    @Override
    public boolean refresh(AuthHeaders rejected) {
        return otp != null;
    }

    @Override
    public String toString() {
        return "BoomiBasicAuthenticator[" + basic + (otp == null ? "" : ", otp") + "]";
    }
}
