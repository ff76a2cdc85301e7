package dev.auditsdk.testkit.lifecycle;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.SplittableRandom;

/**
 * Deterministic audit events computed from a seed and an index, so that a million-event log
 * can be served without ever being held in memory: event {@code i} of a timeline is always
 * the same line, and its timestamp never decreases with {@code i}.
 *
 * <p>About one event in sixteen shares its predecessor's millisecond; half of those are an
 * exact copy of the predecessor's line (a repeated failed login, say), which is how the real
 * log can hold two identical lines.
 */
final class LifecycleEventGenerator {
    private static final String[] USERS = {"admin", "jdoe", "asmith", "mgarcia", "wchen", "ci-bot", "okafor", "lrossi"};
    private static final String[] AGENTS = {
        "Mozilla/5.0 (X11; Linux x86_64; rv:124.0) Gecko/20100101 Firefox/124.0",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/123.0 Safari/537.36",
        "curl/7.81.0",
        "Nexus-IQ-CLI/1.175.0-01 (Java 17.0.10; Linux 5.15.0)",
        "Jenkins-Nexus-Platform-Plugin/3.20.5",
    };
    private static final String[] APPS = {"payments-api", "web-portal", "mobile-backend", "billing", "search-svc", "auth-gateway"};
    private static final String[] ORGS = {"Root Organization", "Engineering", "Finance", "Platform", "Mobile"};
    private static final String[] POLICIES = {"Security-Critical", "Security-High", "License-Banned", "Architecture-Age"};
    private static final String[] ROLES = {"Owner", "Developer", "Application Evaluator", "Policy Administrator", "Audit Reader"};

    private final long seed;
    private final ZoneOffset offset;

    LifecycleEventGenerator(long seed, ZoneOffset offset) {
        this.seed = seed;
        this.offset = offset;
    }

    /**
     * A timeline of {@code count} generated events spread evenly over {@code [from, to)}.
     */
    final class Timeline {
        private final long count;
        private final long fromMillis;
        private final double spacingMillis;

        Timeline(long count, Instant from, Instant to) {
            this.count = count;
            this.fromMillis = from.toEpochMilli();
            this.spacingMillis = count == 0 ? 0 : (double) (to.toEpochMilli() - fromMillis) / count;
        }

        long count() {
            return count;
        }

        /** @return the epoch millisecond of event {@code i}; never decreases with {@code i} */
        long millis(long i) {
            return sharesPredecessorMillisecond(i) ? base(i - 1) : base(i);
        }

        /** @return the first index whose time is at or after {@code epochMillis} ({@code count} if none) */
        long firstAtOrAfter(long epochMillis) {
            long lo = 0;
            long hi = count;
            while (lo < hi) {
                long mid = (lo + hi) >>> 1;
                if (millis(mid) < epochMillis) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }

        /** Appends event {@code i} as one JSON line without the line break. */
        void appendLine(long i, StringBuilder out) {
            long contentIndex = copiesPredecessor(i) ? i - 1 : i;
            appendEvent(new SplittableRandom(mix(seed ^ mix(contentIndex))), millis(i), out);
        }

        private long base(long i) {
            return fromMillis + (long) (i * spacingMillis);
        }

        // Only odd indexes are flagged, so a flagged event's predecessor never is: a copied
        // line then really is identical, timestamp included.
        private boolean sharesPredecessorMillisecond(long i) {
            return (i & 1) == 1 && (mix(seed + i) & 15) == 0;
        }

        private boolean copiesPredecessor(long i) {
            return sharesPredecessorMillisecond(i) && (mix(seed - i) & 1) == 0;
        }
    }

    /**
     * Appends one random but plausible event at the given time.
     *
     * @param random the source of every choice
     * @param epochMillis the event time
     * @param out where the JSON line goes
     */
    void appendEvent(SplittableRandom random, long epochMillis, StringBuilder out) {
        int kind = random.nextInt(100);
        String user = USERS[random.nextInt(USERS.length)];
        String ip = "10." + random.nextInt(4) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254));
        String agent = AGENTS[random.nextInt(AGENTS.length)];
        out.append("{\"timestamp\":\"");
        appendTimestamp(epochMillis, out);
        out.append('"');
        if (kind < 30) {
            boolean failed = random.nextInt(10) == 0;
            request(out, random, "POST", "/rest/user/session", ip, agent);
            head(out, failed ? "*UNKNOWN" : user, "authentication", "login");
            if (failed) {
                field(out, "error", "bad-authentication");
            }
        } else if (kind < 38) {
            request(out, random, "DELETE", "/rest/user/session", ip, agent);
            head(out, user, "authentication", "logout");
        } else if (kind < 48) {
            request(out, random, "GET", "/api/v2/auditLogs?startUtcDate=2024-03-20&endUtcDate=2024-03-21", ip, agent);
            head(out, user, "audit-log", "export");
        } else if (kind < 63) {
            String type = pick(random, "create", "update", "update", "update", "delete");
            String app = APPS[random.nextInt(APPS.length)];
            request(out, random, type.equals("create") ? "POST" : type.equals("update") ? "PUT" : "DELETE",
                    "/api/v2/applications/" + app, ip, agent);
            head(out, user, "application", type);
            out.append(",\"data\":{");
            dataField(out, "applicationPublicId", app, true);
            dataField(out, "applicationName", app.replace('-', ' '), false);
            dataField(out, "organizationId", hex(random, 32), false);
            out.append('}');
        } else if (kind < 71) {
            String policy = POLICIES[random.nextInt(POLICIES.length)];
            request(out, random, "PUT", "/rest/policy/organization/ROOT_ORGANIZATION_ID", ip, agent);
            head(out, user, "policy", pick(random, "create", "update", "delete"));
            out.append(",\"data\":{");
            dataField(out, "policyId", hex(random, 32), true);
            dataField(out, "policyName", policy, false);
            dataField(out, "ownerId", "ROOT_ORGANIZATION_ID", false);
            out.append('}');
        } else if (kind < 77) {
            String target = USERS[random.nextInt(USERS.length)];
            request(out, random, "POST", "/rest/user", ip, agent);
            head(out, user, "user", pick(random, "create", "update", "delete", "password-change"));
            out.append(",\"data\":{");
            dataField(out, "username", target, true);
            dataField(out, "realm", pick(random, "Internal", "LDAP", "SAML"), false);
            out.append('}');
        } else if (kind < 82) {
            request(out, random, "PUT", "/api/v2/roleMemberships/organization/ROOT_ORGANIZATION_ID", ip, agent);
            head(out, user, "role-membership", pick(random, "update", "delete"));
            out.append(",\"data\":{");
            dataField(out, "roleName", ROLES[random.nextInt(ROLES.length)], true);
            dataField(out, "memberName", USERS[random.nextInt(USERS.length)], false);
            dataField(out, "ownerId", "ROOT_ORGANIZATION_ID", false);
            out.append('}');
        } else if (kind < 85) {
            request(out, random, "POST", "/api/v2/userTokens/currentUser", ip, agent);
            head(out, user, "user-token", pick(random, "create", "delete"));
        } else if (kind < 89) {
            String org = ORGS[random.nextInt(ORGS.length)];
            request(out, random, "POST", "/api/v2/organizations", ip, agent);
            head(out, user, "organization", pick(random, "create", "update"));
            out.append(",\"data\":{");
            dataField(out, "organizationId", hex(random, 32), true);
            dataField(out, "organizationName", org, false);
            out.append('}');
        } else if (kind < 93) {
            request(out, random, "PUT", "/rest/config/mail", ip, agent);
            head(out, user, pick(random, "mail", "proxy-server", "ldap", "system-preferences"), "update");
        } else if (kind < 95) {
            request(out, random, "POST", "/rest/product/license", ip, agent);
            head(out, user, "license", "install");
        } else if (kind < 98) {
            request(out, random, "POST", "/api/v2/policyWaivers/application/" + APPS[random.nextInt(APPS.length)], ip, agent);
            head(out, user, "policy-waiver", pick(random, "create", "delete"));
            out.append(",\"data\":{");
            dataField(out, "policyWaiverId", hex(random, 32), true);
            dataField(out, "comment", "accepted risk until next release", false);
            out.append('}');
        } else {
            head(out, "*SYSTEM", "server", pick(random, "start", "stop"));
            out.append(",\"data\":{");
            dataField(out, "serverInstanceId", uuid(random), true);
            dataField(out, "serverConfigurationFile", "/opt/sonatype/iq/config.yml", false);
            dataField(out, "serverRelease", "175.0", false);
            dataField(out, "serverBuild", "build-" + (1000 + random.nextInt(9000)), false);
            dataField(out, "processOwner", "nexus", false);
            out.append('}');
        }
        out.append('}');
    }

    /**
     * Appends an instant as the server writes it: ISO-8601 with milliseconds in the server's
     * own offset, e.g. {@code 2024-03-21T10:39:44.896-03:00}.
     */
    void appendTimestamp(long epochMillis, StringBuilder out) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(Math.floorDiv(epochMillis, 1000L),
                (int) Math.floorMod(epochMillis, 1000L) * 1_000_000, offset);
        pad(out, t.getYear(), 4).append('-');
        pad(out, t.getMonthValue(), 2).append('-');
        pad(out, t.getDayOfMonth(), 2).append('T');
        pad(out, t.getHour(), 2).append(':');
        pad(out, t.getMinute(), 2).append(':');
        pad(out, t.getSecond(), 2).append('.');
        pad(out, t.getNano() / 1_000_000, 3);
        int seconds = offset.getTotalSeconds();
        out.append(seconds < 0 ? '-' : '+');
        int abs = Math.abs(seconds);
        pad(out, abs / 3600, 2).append(':');
        pad(out, abs / 60 % 60, 2);
    }

    private static void request(StringBuilder out, SplittableRandom random, String method, String uri, String ip,
            String agent) {
        // Optional attributes are absent, not null, when the server does not know them.
        if (random.nextInt(20) != 0) {
            field(out, "requestMethod", method);
            field(out, "requestUri", uri);
        }
        field(out, "remoteIpAddress", ip);
        if (random.nextInt(10) != 0) {
            field(out, "userAgent", agent);
        }
        if (random.nextInt(20) == 0) {
            field(out, "forwarded", "for=" + ip + ";proto=https");
        }
    }

    private static void head(StringBuilder out, String user, String domain, String type) {
        field(out, "username", user);
        field(out, "domain", domain);
        field(out, "type", type);
    }

    private static void field(StringBuilder out, String name, String value) {
        out.append(",\"").append(name).append("\":\"").append(value).append('"');
    }

    private static void dataField(StringBuilder out, String name, String value, boolean first) {
        if (!first) {
            out.append(',');
        }
        out.append('"').append(name).append("\":\"").append(value).append('"');
    }

    private static String pick(SplittableRandom random, String... options) {
        return options[random.nextInt(options.length)];
    }

    private static String hex(SplittableRandom random, int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(Character.forDigit(random.nextInt(16), 16));
        }
        return sb.toString();
    }

    private static String uuid(SplittableRandom random) {
        String h = hex(random, 32);
        return h.substring(0, 8) + '-' + h.substring(8, 12) + '-' + h.substring(12, 16) + '-' + h.substring(16, 20)
                + '-' + h.substring(20);
    }

    private static StringBuilder pad(StringBuilder out, int value, int width) {
        String s = Integer.toString(value);
        for (int i = s.length(); i < width; i++) {
            out.append('0');
        }
        return out.append(s);
    }

    /** SplitMix64 finalizer: a cheap, well-spread hash of a long. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
