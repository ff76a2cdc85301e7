package dev.auditsdk.informatica;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class InformaticaRegionTest {

    @Test
    void coversEveryDocumentedLoginHost() {
        assertThat(Arrays.stream(InformaticaRegion.values()).map(InformaticaRegion::hostName).collect(Collectors.toList()))
                .containsExactlyInAnyOrder("dm-us", "dm1-us", "dm2-us", "dm-na", "dm-ap", "dm1-apse", "dm1-ap",
                        "dm-apne", "dm1-apau", "dm-em", "dm1-em", "dm-uk");
        assertThat(InformaticaRegion.US.loginUrl()).isEqualTo(URI.create("https://dm-us.informaticacloud.com"));
        assertThat(InformaticaRegion.US.pods()).contains("USW1", "USE6");
    }

    @Test
    void findsByConstantHostOrPodIgnoringCase() {
        assertThat(InformaticaRegion.fromName("us")).isEqualTo(InformaticaRegion.US);
        assertThat(InformaticaRegion.fromName("US_1")).isEqualTo(InformaticaRegion.US_1);
        assertThat(InformaticaRegion.fromName("dm1-apse")).isEqualTo(InformaticaRegion.APSE_2);
        assertThat(InformaticaRegion.fromName("dm-em.informaticacloud.com")).isEqualTo(InformaticaRegion.EU);
        assertThat(InformaticaRegion.fromName("usw1-2")).isEqualTo(InformaticaRegion.US_2);
        assertThat(InformaticaRegion.fromName(" CAC1 ")).isEqualTo(InformaticaRegion.CANADA);
        assertThatThrownBy(() -> InformaticaRegion.fromName("mars")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("mars").hasMessageContaining("dm-us");
    }
}
