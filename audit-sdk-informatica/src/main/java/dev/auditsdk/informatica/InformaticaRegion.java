package dev.auditsdk.informatica;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The documented Informatica IDMC login hosts ({@code https://{name}.informaticacloud.com}) and
 * the PODs each serves. Log in at the host of the POD your organization lives on; every later
 * call goes to the {@code serverUrl} the login returns.
 */
public enum InformaticaRegion {
    /** {@code dm-us}: North America PODs USW1, USE2, USW3, USE4, USW5, USE6. */
    US("dm-us", "USW1", "USE2", "USW3", "USE4", "USW5", "USE6"),
    /** {@code dm1-us}: North America PODs USW1-1, USW3-1. */
    US_1("dm1-us", "USW1-1", "USW3-1"),
    /** {@code dm2-us}: North America POD USW1-2. */
    US_2("dm2-us", "USW1-2"),
    /** {@code dm-na}: Canada POD CAC1. */
    CANADA("dm-na", "CAC1"),
    /** {@code dm-ap}: Asia Pacific POD APSE1 (Singapore). */
    APSE_1("dm-ap", "APSE1"),
    /** {@code dm1-apse}: Asia Pacific POD APSE2. */
    APSE_2("dm1-apse", "APSE2"),
    /** {@code dm1-ap}: Asia Pacific POD APNE1 (Japan). */
    APNE_1("dm1-ap", "APNE1"),
    /** {@code dm-apne}: Asia Pacific POD APNE2. */
    APNE_2("dm-apne", "APNE2"),
    /** {@code dm1-apau}: Asia Pacific POD APAUC1 (Australia). */
    APAU("dm1-apau", "APAUC1"),
    /** {@code dm-em}: Europe POD EMW1. */
    EU("dm-em", "EMW1"),
    /** {@code dm1-em}: Europe POD EMC1. */
    EU_1("dm1-em", "EMC1"),
    /** {@code dm-uk}: United Kingdom POD UK1. */
    UK("dm-uk", "UK1");

    private final String hostName;
    private final List<String> pods;

    InformaticaRegion(String hostName, String... pods) {
        this.hostName = hostName;
        this.pods = List.of(pods);
    }

    /** @return the login host's first label, e.g. {@code dm-us} */
    public String hostName() {
        return hostName;
    }

    /** @return the PODs this login host serves, e.g. {@code [USW1, USE2, ...]} */
    public List<String> pods() {
        return pods;
    }

    /** @return the login URL, e.g. {@code https://dm-us.informaticacloud.com} */
    public URI loginUrl() {
        return URI.create("https://" + hostName + ".informaticacloud.com");
    }

    /**
     * Finds a region by its constant name ({@code US_1}), login host name ({@code dm1-us}, or the
     * whole host {@code dm1-us.informaticacloud.com}) or POD name ({@code USW1-1}), ignoring case.
     *
     * @param name what to look up
     * @return the region
     * @throws IllegalArgumentException naming the accepted values, when nothing matches
     */
    public static InformaticaRegion fromName(String name) {
        Objects.requireNonNull(name, "name");
        String n = name.trim().toLowerCase(Locale.ROOT);
        if (n.endsWith(".informaticacloud.com")) {
            n = n.substring(0, n.length() - ".informaticacloud.com".length());
        }
        for (InformaticaRegion r : values()) {
            if (r.name().toLowerCase(Locale.ROOT).equals(n.replace('-', '_')) || r.hostName.equals(n)) {
                return r;
            }
        }
        for (InformaticaRegion r : values()) {
            for (String pod : r.pods) {
                if (pod.toLowerCase(Locale.ROOT).equals(n)) {
                    return r;
                }
            }
        }
        List<String> accepted = new ArrayList<>();
        Arrays.stream(values()).forEach(r -> accepted.add(r.name() + "/" + r.hostName));
        throw new IllegalArgumentException("unknown Informatica region '" + name + "'; expected one of " + accepted
                + " or a POD name such as USW1");
    }
}
