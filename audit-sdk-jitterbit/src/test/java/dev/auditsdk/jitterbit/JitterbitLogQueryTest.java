package dev.auditsdk.jitterbit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class JitterbitLogQueryTest {

    @Test
    void rendersTheVendorSample() {
        JitterbitLogQuery q = JitterbitLogQuery.builder()
                .compare(JitterbitLogColumn.RESPONSE_TIME, JitterbitLogOperator.GREATER_THAN, 5)
                .like(JitterbitLogColumn.SOURCE_IP, "14.141%")
                .build();
        assertThat(q.queryString()).isEqualTo("responsetime>5;sourceip=14.141%");
        assertThat(JitterbitLogQuery.parse("responsetime>5; sourceip=14.141%")).isEqualTo(q);
    }

    @Test
    void everyOperatorAndColumnKind() {
        JitterbitLogQuery q = JitterbitLogQuery.builder()
                .equalTo(JitterbitLogColumn.API_NAME, "Orders, v2")
                .notEqualTo(JitterbitLogColumn.REQUEST_METHOD, "GET")
                .notLike(JitterbitLogColumn.REQUEST_URI, "/health%")
                .compare(JitterbitLogColumn.STATUS_CODE, JitterbitLogOperator.GREATER_OR_EQUAL, 400)
                .compare(JitterbitLogColumn.RESPONSE_TIME, JitterbitLogOperator.LESS_OR_EQUAL, 2.50)
                .compare(JitterbitLogColumn.STATUS_CODE, JitterbitLogOperator.LESS_THAN, 600)
                .time(JitterbitLogOperator.GREATER_THAN, Instant.parse("2024-01-20T10:00:00.700Z"))
                .build();
        assertThat(q.queryString()).isEqualTo("apiname=Orders, v2;requestmethod!=GET;requesturi!=/health%;"
                + "statuscode>=400;responsetime<=2.5;statuscode<600;time>01/20/2024 10:00:00 +0000");
        assertThat(JitterbitLogQuery.parse("statuscode<>200").queryString()).isEqualTo("statuscode!=200");
    }

    @Test
    void aValueCannotInjectASecondCondition() {
        assertThatThrownBy(() -> JitterbitLogQuery.builder()
                .equalTo(JitterbitLogColumn.API_NAME, "Orders;statuscode=200").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("';'");
        assertThatThrownBy(() -> JitterbitLogQuery.builder()
                .like(JitterbitLogColumn.API_NAME, "%; apiname=%").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("';'");
        assertThatThrownBy(() -> JitterbitLogQuery.builder()
                .equalTo(JitterbitLogColumn.API_NAME, "Orders\nstatuscode=200").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("control characters");
    }

    @Test
    void aValueCannotChangeTheOperatorOrWidenTheMatch() {
        assertThatThrownBy(() -> JitterbitLogQuery.builder()
                .compare(JitterbitLogColumn.API_NAME, JitterbitLogOperator.GREATER_THAN, "=Orders").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("change the operator");
        assertThatThrownBy(() -> JitterbitLogQuery.builder()
                .equalTo(JitterbitLogColumn.API_NAME, "Ord%").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("like(");
        assertThatThrownBy(() -> JitterbitLogQuery.builder()
                .equalTo(JitterbitLogColumn.API_NAME, " Orders").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("blanks");
        assertThatThrownBy(() -> JitterbitLogQuery.builder()
                .equalTo(JitterbitLogColumn.API_NAME, "").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty");
    }

    @Test
    void typedColumnsNeedTypedValues() {
        assertThatThrownBy(() -> JitterbitLogQuery.builder()
                .compare(JitterbitLogColumn.STATUS_CODE, JitterbitLogOperator.EQUALS, "200 or 1=1").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be a number");
        assertThatThrownBy(() -> JitterbitLogQuery.builder()
                .compare(JitterbitLogColumn.RESPONSE_TIME, JitterbitLogOperator.EQUALS, Double.NaN).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("finite");
        assertThatThrownBy(() -> JitterbitLogQuery.builder()
                .like(JitterbitLogColumn.STATUS_CODE, "4%").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("text column");
        assertThatThrownBy(() -> JitterbitLogQuery.builder()
                .compare(JitterbitLogColumn.TIME, JitterbitLogOperator.GREATER_THAN, "yesterday").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be a time");
    }

    @Test
    void parseValidatesHandWrittenStrings() {
        assertThatThrownBy(() -> JitterbitLogQuery.parse("bogus=1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown Jitterbit log column 'bogus'");
        assertThatThrownBy(() -> JitterbitLogQuery.parse("apiname"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a Jitterbit queryString condition");
        assertThatThrownBy(() -> JitterbitLogQuery.parse("statuscode>=>5"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("change the operator");
        assertThatThrownBy(() -> JitterbitLogQuery.parse(" ; "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one condition");
    }

    @Test
    void nullsAreRejectedByName() {
        assertThatThrownBy(() -> JitterbitLogQuery.builder().equalTo(null, "x"))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("column");
        assertThatThrownBy(() -> JitterbitLogQuery.builder().equalTo(JitterbitLogColumn.API_NAME, null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("value");
    }
}
