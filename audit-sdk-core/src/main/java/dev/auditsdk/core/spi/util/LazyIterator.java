package dev.auditsdk.core.spi.util;

import java.util.Objects;
import java.util.function.Supplier;

/** Opens its source on first use; see {@link CloseableIterator#lazily(Supplier)}. */
final class LazyIterator<T> extends AbstractCloseableIterator<T> {
    private final Supplier<? extends CloseableIterator<? extends T>> opener;
    private CloseableIterator<? extends T> source;

    LazyIterator(Supplier<? extends CloseableIterator<? extends T>> opener) {
        this.opener = Objects.requireNonNull(opener, "opener");
    }

    @Override
    protected T computeNext() {
        if (source == null) {
            source = Objects.requireNonNull(opener.get(), "opener returned null");
        }
        return source.hasNext() ? source.next() : endOfData();
    }

    @Override
    protected void onClose() {
        if (source != null) {
            source.close();
        }
    }
}
