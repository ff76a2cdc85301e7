package dev.auditsdk.core.auth;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Named string variables (environment variables, system properties) that credentials are read
 * from. The lookup is a function so tests can supply their own environment.
 */
final class VariableSource {
    private static final VariableSource ENVIRONMENT =
            new VariableSource("environment variable", "environment variables", "Var", System::getenv);
    private static final VariableSource SYSTEM_PROPERTIES =
            new VariableSource("system property", "system properties", "Property", System::getProperty);

    private final String kind;
    private final String kindPlural;
    /** Suffix of the public factories' parameter names, so argument errors name the right one. */
    private final String argSuffix;
    private final Function<String, String> lookup;

    VariableSource(String kind, String kindPlural, String argSuffix, Function<String, String> lookup) {
        this.kind = kind;
        this.kindPlural = kindPlural;
        this.argSuffix = argSuffix;
        this.lookup = Objects.requireNonNull(lookup, "lookup");
    }

    static VariableSource environment() {
        return ENVIRONMENT;
    }

    static VariableSource systemProperties() {
        return SYSTEM_PROPERTIES;
    }

    CredentialsProvider<UsernamePassword> usernamePassword(String userVar, String passwordVar) {
        return provider(names("user", userVar, "password", passwordVar),
                values -> UsernamePassword.of(values.get(0), Secret.of(values.get(1))));
    }

    CredentialsProvider<ApiToken> apiToken(String nameVar, String tokenVar) {
        return provider(names("name", nameVar, "token", tokenVar),
                values -> ApiToken.of(values.get(0), Secret.of(values.get(1))));
    }

    CredentialsProvider<ApiToken> apiToken(String tokenVar) {
        return provider(List.of(Checks.requireNonBlank(tokenVar, "token" + argSuffix)),
                values -> ApiToken.of(Secret.of(values.get(0))));
    }

    CredentialsProvider<OAuthClientCredentials> oauth(String idVar, String secretVar) {
        return provider(names("id", idVar, "secret", secretVar),
                values -> OAuthClientCredentials.of(values.get(0), Secret.of(values.get(1))));
    }

    private List<String> names(String firstArg, String first, String secondArg, String second) {
        return List.of(Checks.requireNonBlank(first, firstArg + argSuffix), Checks.requireNonBlank(second, secondArg + argSuffix));
    }

    private <C> CredentialsProvider<C> provider(List<String> names, Function<List<String>, C> factory) {
        return new CredentialsProvider<>() {
            @Override
            public C resolve() {
                return factory.apply(lookUp(names));
            }

            @Override
            public String toString() {
                return kindPlural + " " + names;
            }
        };
    }

    /** Values of all {@code names}, or an exception naming the ones that are unset or blank. */
    private List<String> lookUp(List<String> names) {
        List<String> values = new ArrayList<>(names.size());
        List<String> missing = new ArrayList<>();
        for (String name : names) {
            String value = lookup.apply(name);
            if (value == null || value.isBlank()) {
                missing.add(name);
            }
            values.add(value);
        }
        if (!missing.isEmpty()) {
            throw new CredentialsNotFoundException("Credentials not found: "
                    + (missing.size() == 1 ? kind + " " + missing.get(0) + " is" : kindPlural + " " + String.join(", ", missing) + " are")
                    + " not set or blank (looked for " + String.join(", ", names) + ")", names);
        }
        return values;
    }
}
