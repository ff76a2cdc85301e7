package dev.auditsdk.core.spi.util;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class JsonOptionalTest {

    static final class Holder {
        public Optional<String> name;
        public OptionalLong count;
    }

    @Test
    void optionalFieldsReadNullAndValues() throws Exception {
        Holder empty = Json.mapper().readValue("{\"name\":null,\"count\":null}", Holder.class);
        assertThat(empty.name).isEmpty();
        assertThat(empty.count).isEmpty();

        Holder full = Json.mapper().readValue("{\"name\":\"x\",\"count\":3}", Holder.class);
        assertThat(full.name).contains("x");
        assertThat(full.count).hasValue(3);
    }
}
