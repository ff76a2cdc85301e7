package dev.auditsdk.core.spi.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.auditsdk.core.error.AuditDataException;
import dev.auditsdk.core.error.AuditSdkException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TokenPagerTest {

    /** Three pages: [a,b] -> t1 -> [c,d] -> t2 -> [e] (last); records every token asked for. */
    private final List<Optional<String>> calls = new ArrayList<>();
    private final TokenPageFetcher<String> threePages = token -> {
        calls.add(token);
        switch (token.orElse("")) {
            case "":
                return Page.of(List.of("a", "b"), "t1");
            case "t1":
                return Page.of(List.of("c", "d"), "t2");
            case "t2":
                return Page.last(List.of("e"));
            default:
                throw new AssertionError("unexpected token " + token);
        }
    };

    @Test
    void makesNoCallBeforeTheFirstNext() {
        TokenPager<String> pager = TokenPager.builder(threePages).build();
        assertThat(calls).isEmpty();
        assertThat(pager.next()).isEqualTo("a");
        assertThat(calls).containsExactly(Optional.empty());
    }

    @Test
    void holdsOnePageAndFetchesTheNextOnlyWhenTheCurrentIsUsedUp() {
        TokenPager<String> pager = TokenPager.builder(threePages).build();
        pager.next();
        pager.next();
        assertThat(calls).hasSize(1);
        assertThat(pager.hasNext()).isTrue();
        assertThat(calls).hasSize(2);
        assertThat(pager.currentToken()).contains("t1");
    }

    @Test
    void deliversAllPagesInOrderAndStopsAtTheLast() {
        List<String> all = new ArrayList<>();
        TokenPager.builder(threePages).build().forEachRemaining(all::add);
        assertThat(all).containsExactly("a", "b", "c", "d", "e");
        assertThat(calls).containsExactly(Optional.empty(), Optional.of("t1"), Optional.of("t2"));
    }

    @Test
    void aRepeatedCursorStopsWithAnErrorInsteadOfLooping() {
        TokenPager<String> pager = TokenPager.<String>builder(token -> Page.of(List.of("x"),
                token.isEmpty() ? "A" : token.get().equals("A") ? "B" : "A")).build();
        assertThat(pager.next()).isEqualTo("x"); // first page, next token A
        assertThat(pager.next()).isEqualTo("x"); // page of A, next token B
        assertThat(pager.next()).isEqualTo("x"); // page of B, next token A again
        assertThatThrownBy(pager::hasNext)
                .isInstanceOf(AuditDataException.class)
                .hasMessageContaining("continuation token repeated");
        assertThatThrownBy(pager::hasNext).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theMaxPagesGuardStopsAnEndlessServer() {
        int[] n = {0};
        TokenPager<Integer> pager = TokenPager.<Integer>builder(token -> Page.of(List.of(n[0]), "t" + n[0]++))
                .maxPages(5).build();
        for (int i = 0; i < 5; i++) {
            pager.next();
        }
        assertThatThrownBy(pager::hasNext).isInstanceOf(AuditSdkException.class).hasMessageContaining("maxPages");
        assertThat(pager.pagesFetched()).isEqualTo(5);
    }

    @Test
    void emptyPagesWithATokenAreSkippedAndAStartTokenResumes() {
        TokenPager<String> pager = TokenPager.builder(threePages).startToken("t1").build();
        List<String> all = new ArrayList<>();
        pager.forEachRemaining(all::add);
        assertThat(all).containsExactly("c", "d", "e");

        TokenPager<String> withEmpty = TokenPager.<String>builder(t -> t.isEmpty() ? Page.of(List.of(), "next")
                : Page.last(List.of("z"))).build();
        assertThat(withEmpty.next()).isEqualTo("z");
        assertThat(withEmpty.hasNext()).isFalse();
    }

    @Test
    void anEmptyTokenMeansLastPage() {
        Page<String> page = Page.of(List.of("a"), "");
        assertThat(page.isLast()).isTrue();
        assertThat(page.toString()).doesNotContain("token");
    }

    @Test
    void closeStopsIteration() {
        TokenPager<String> pager = TokenPager.builder(threePages).build();
        pager.next();
        pager.close();
        assertThat(pager.hasNext()).isFalse();
        assertThat(calls).hasSize(1);
    }

    @Test
    void emptyPagesWithATokenForeverStopAfterMaxPagesWithoutProgress() {
        int[] n = {0};
        TokenPager<String> pager = TokenPager.<String>builder(token -> Page.of(List.of(), "t" + n[0]++))
                .maxPagesWithoutProgress(7).build();
        assertThatThrownBy(pager::hasNext)
                .isInstanceOf(AuditDataException.class)
                .hasMessageContaining("8 pages in a row, up to page 8, delivered no new entry")
                .hasMessageContaining("maxPagesWithoutProgress = 7")
                .hasMessageContaining("TokenPager.Builder.maxPagesWithoutProgress(int)");
        assertThat(pager.pagesFetched()).isEqualTo(8);
    }

    @Test
    void theSamePageUnderFreshTokensStopsByDefaultAfterOneHundredPagesWithoutProgress() {
        int[] n = {0};
        TokenPager<String> pager = TokenPager.<String>builder(token -> Page.of(List.of("a", "b"), "t" + n[0]++))
                .build();
        List<String> delivered = new ArrayList<>();
        assertThatThrownBy(() -> pager.forEachRemaining(delivered::add))
                .isInstanceOf(AuditDataException.class)
                .hasMessageContaining("maxPagesWithoutProgress = 100")
                .hasMessageContaining("same page again");
        assertThat(TokenPager.DEFAULT_MAX_PAGES_WITHOUT_PROGRESS).isEqualTo(100);
        assertThat(pager.pagesFetched()).isEqualTo(1 + 101);
    }

    @Test
    void anIdentityFunctionRecognisesTheSamePageAmongNewObjects() {
        int[] n = {0};
        // StringBuilder compares by reference: only the identity function can tell the pages are equal
        TokenPager<StringBuilder> pager = TokenPager.<StringBuilder>builder(
                token -> Page.of(List.of(new StringBuilder("x")), "t" + n[0]++))
                .identity(StringBuilder::toString).maxPagesWithoutProgress(2).build();
        assertThatThrownBy(() -> pager.forEachRemaining(e -> { }))
                .isInstanceOf(AuditDataException.class).hasMessageContaining("same page again");
        assertThat(pager.pagesFetched()).isEqualTo(4);
    }

    @Test
    void pagesWithoutProgressUpToTheLimitAreTolerated() {
        TokenPager<String> pager = TokenPager.<String>builder(token -> {
            int i = Integer.parseInt(token.orElse("0"));
            if (i < 3) {
                return Page.of(List.of(), String.valueOf(i + 1)); // pages 0, 1, 2 are empty
            }
            return Page.last(List.of("z"));
        }).maxPagesWithoutProgress(3).build();
        List<String> all = new ArrayList<>();
        pager.forEachRemaining(all::add);
        assertThat(all).containsExactly("z");
        assertThatThrownBy(() -> TokenPager.builder(threePages).maxPagesWithoutProgress(-1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
