package dev.auditsdk.core.auth;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Asks each provider in turn; the first that finds credentials wins. */
final class ChainedCredentialsProvider<C> implements CredentialsProvider<C> {
    private static final Logger LOG = LoggerFactory.getLogger(ChainedCredentialsProvider.class);

    private final List<CredentialsProvider<? extends C>> providers;

    ChainedCredentialsProvider(List<CredentialsProvider<? extends C>> providers) {
        if (providers.isEmpty()) {
            throw new IllegalArgumentException("providers must not be empty");
        }
        for (int i = 0; i < providers.size(); i++) {
            Objects.requireNonNull(providers.get(i), "providers[" + i + "]");
        }
        this.providers = List.copyOf(providers);
    }

    @Override
    public C resolve() {
        List<CredentialsNotFoundException> misses = new ArrayList<>();
        for (CredentialsProvider<? extends C> provider : providers) {
            try {
                C credentials = Objects.requireNonNull(provider.resolve(), "credentials provider returned null");
                LOG.debug("Credentials found by {}", provider);
                return credentials;
            } catch (CredentialsNotFoundException e) {
                // only "not there" moves on to the next provider; any other failure is real
                misses.add(e);
            }
        }
        List<String> names = new ArrayList<>();
        List<String> messages = new ArrayList<>();
        for (CredentialsNotFoundException miss : misses) {
            names.addAll(miss.names());
            messages.add(miss.getMessage());
        }
        CredentialsNotFoundException notFound = new CredentialsNotFoundException(
                "No provider in the chain found credentials: " + String.join("; ", messages), names);
        misses.forEach(notFound::addSuppressed);
        throw notFound;
    }

    @Override
    public String toString() {
        return "chain" + providers;
    }
}
