package dev.auditsdk.boomi.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.auditsdk.core.spi.util.Json;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class QueryExpressionTest {

    @Test
    void rendersTheDocumentedExample() throws Exception {
        QueryExpression e = QueryExpression.and(
                QueryExpression.equalTo(QueryProperty.TYPE, "as.atom"),
                QueryExpression.between(QueryProperty.DATE, "2016-02-05T00:00:00Z", "2016-03-04T23:59:59Z"));
        assertThat(e.toJson()).isEqualTo(Json.mapper().readTree("{\"operator\":\"and\",\"nestedExpression\":["
                + "{\"argument\":[\"as.atom\"],\"operator\":\"EQUALS\",\"property\":\"type\"},"
                + "{\"argument\":[\"2016-02-05T00:00:00Z\",\"2016-03-04T23:59:59Z\"],\"operator\":\"BETWEEN\","
                + "\"property\":\"date\"}]}"));
    }

    @Test
    void rejectsABetweenWithOneArgument() {
        assertThatThrownBy(() -> QueryExpression.of(QueryOperator.BETWEEN, QueryProperty.DATE, "2016-02-05T00:00:00Z"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("BETWEEN takes 2 arguments, got 1");
    }

    @ParameterizedTest
    @EnumSource(QueryOperator.class)
    void everyOperatorChecksItsArgumentCount(QueryOperator op) {
        String[] right = new String[op.arity()];
        java.util.Arrays.fill(right, "x");
        assertThat(QueryExpression.of(op, QueryProperty.TYPE, right).toJson().path("argument")).hasSize(op.arity());
        String[] wrong = new String[op.arity() + 1];
        java.util.Arrays.fill(wrong, "x");
        assertThatThrownBy(() -> QueryExpression.of(op, QueryProperty.TYPE, wrong))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(op.name());
    }

    @Test
    void nullOperatorsTakeNoArgument() {
        assertThat(QueryExpression.of(QueryOperator.IS_NULL, QueryProperty.CONTAINER_ID).toJson().toString())
                .isEqualTo("{\"operator\":\"IS_NULL\",\"property\":\"containerId\",\"argument\":[]}");
    }

    @Test
    void everyPropertyHasItsWireName() {
        assertThat(QueryProperty.values()).extracting(QueryProperty::wireName).containsExactly(
                "containerId", "userId", "date", "type", "action", "modifier", "level", "source");
    }

    @Test
    void datesMustHaveTheApiFormat() {
        assertThatThrownBy(() -> QueryExpression.of(QueryOperator.GREATER_THAN, QueryProperty.DATE, "2016-02-05"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("yyyy-MM-dd'T'HH:mm:ss'Z'");
        assertThatThrownBy(() -> QueryExpression.of(QueryOperator.GREATER_THAN, QueryProperty.DATE, "2016-02-05T00:00:00.123Z"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(QueryExpression.date(Instant.parse("2016-02-05T09:12:13Z"))).isEqualTo("2016-02-05T09:12:13Z");
        assertThatThrownBy(() -> QueryExpression.date(Instant.parse("2016-02-05T09:12:13.5Z")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("whole seconds");
    }

    @Test
    void groupsNeedAnExpressionAndNestOr() {
        assertThatThrownBy(QueryExpression::and).isInstanceOf(IllegalArgumentException.class);
        assertThat(QueryExpression.or(QueryExpression.equalTo(QueryProperty.LEVEL, "ERROR"),
                QueryExpression.of(QueryOperator.LIKE, QueryProperty.TYPE, "user%")).toJson().path("operator").asText())
                .isEqualTo("or");
    }

    @Test
    void argumentsMayNotBeNull() {
        assertThatThrownBy(() -> QueryExpression.equalTo(QueryProperty.TYPE, null)).isInstanceOf(NullPointerException.class);
    }
}
