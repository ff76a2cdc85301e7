package dev.auditsdk.testkit.uipath;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Seeded, deterministic audit data in UiPath's shapes: the same seed gives the same entries.
 * A few entries share their timestamp with the previous one, as bursts do in real logs.
 */
final class UiPathDataGenerator {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    // The classic API's details are indented with CRLF, as in the vendor's sample.
    private static final ObjectWriter CLASSIC_DETAILS = MAPPER.writer(
            new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\r\n")));
    private static final String[] FIRST = {"Ada", "Grace", "Linus", "Barbara", "Alan", "Edsger", "Frances", "Ken",
        "Margaret", "Dennis", "Radia", "Niklaus"};
    private static final String[] LAST = {"Lovelace", "Hopper", "Torvalds", "Liskov", "Turing", "Dijkstra", "Allen",
        "Thompson", "Hamilton", "Ritchie", "Perlman", "Wirth"};
    private static final String[] GROUPS = {"Administrators", "Automation Developers", "Automation Users", "Everyone"};
    private static final String[] PROCESSES = {"Invoice Intake", "Payroll Sync", "Vendor Onboarding", "Daily Report"};
    private static final double TIE_RATIO = 0.05;

    private final Random random;
    private final String domain;
    private final String organizationId;
    private final String tenantId;

    UiPathDataGenerator(long seed, String organization, String organizationId, String tenantId) {
        this.random = new Random(seed);
        this.domain = organization.toLowerCase(java.util.Locale.ROOT) + ".example";
        this.organizationId = organizationId;
        this.tenantId = tenantId;
    }

    /** A deterministic GUID from a seed and a salt, for organization and tenant ids. */
    static String guid(long seed, String salt) {
        Random r = new Random(seed * 31 + salt.hashCode());
        return new UUID(r.nextLong(), r.nextLong()).toString();
    }

    List<Instant> times(int count, Instant start, Instant end) {
        long span = Duration.between(start, end).toNanos() / 100;
        List<Instant> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(start.plusNanos((long) (random.nextDouble() * span) * 100));
        }
        out.sort(null);
        for (int i = 1; i < out.size(); i++) {
            if (random.nextDouble() < TIE_RATIO) {
                out.set(i, out.get(i - 1));
            }
        }
        return out;
    }

    Instant after(Instant latest) {
        // a few milliseconds later, sometimes the same tick
        if (random.nextDouble() < TIE_RATIO) {
            return latest;
        }
        return latest.plusNanos((1 + random.nextInt(5_000_000)) * 100L);
    }

    UiPathClassicEntry classic(OffsetDateTime createdOn) {
        String actor = person();
        String actorEmail = email(actor);
        String subject = person();
        Map<String, Object> details = new LinkedHashMap<>();
        UiPathClassicEntry.Builder b = UiPathClassicEntry.builder().createdOn(createdOn).userName(actor)
                .email(random.nextInt(4) == 0 ? "" : actorEmail).detailsVersion("1.0");
        switch (random.nextInt(11)) {
            case 0:
            case 1:
            case 2:
                details.put("userName", actor);
                details.put("email", actorEmail);
                b.category("User").action("Login").source("Cis").message("User '" + actor + "' logged in");
                break;
            case 3:
                details.put("userName", actor);
                details.put("email", actorEmail);
                b.category("User").action("Logout").source("Cis").message("User '" + actor + "' logged out");
                break;
            case 4:
                details.put("userName", subject);
                details.put("email", email(subject));
                details.put("groups", List.of("Everyone"));
                b.category("User").action("Created").source("PortalService")
                        .message("User '" + subject + "' was created");
                break;
            case 5:
                details.put("userName", subject);
                details.put("email", email(subject));
                b.category("User").action("Deleted").source("PortalService")
                        .message("User '" + subject + "' was deleted");
                break;
            case 6: {
                String group = pick(GROUPS);
                details.put("name", group);
                details.put("addedUsers", List.of(email(subject)));
                b.category("Group").action("Updated").source("PortalService")
                        .message("Group '" + group + "' was updated");
                break;
            }
            case 7:
                details.put("name", "App " + random.nextInt(100));
                details.put("clientId", UUID.nameUUIDFromBytes(("app" + random.nextInt()).getBytes()).toString());
                details.put("scopes", List.of("PM.Audit.Read"));
                b.category("External Application").action("Created").source("Identity")
                        .message("External application was created");
                break;
            case 8:
                details.put("name", "Production");
                details.put("services", List.of("orchestrator", "testmanager"));
                b.category("Tenant").action("Updated").source("OMS").message("Tenant 'Production' was updated");
                break;
            case 9:
                details.put("name", "Robot " + random.nextInt(50));
                b.category("Robot Account").action("Created").source("PortalService")
                        .message("Robot account was created");
                break;
            default:
                details.put("setting", "Security.PasswordComplexity");
                details.put("value", "Strong");
                b.category("Organization").action("Settings Updated").source("PortalService")
                        .message("Organization settings were updated");
                break;
        }
        return b.auditLogDetails(write(CLASSIC_DETAILS, details)).build();
    }

    UiPathUnifiedEvent unified(Instant createdOn) {
        String actor = person();
        Map<String, Object> details = new LinkedHashMap<>();
        UiPathUnifiedEvent.Builder b = UiPathUnifiedEvent.builder()
                .id(new UUID(random.nextLong(), random.nextLong()).toString()).createdOn(createdOn)
                .organizationId(organizationId).actorId(UUID.nameUUIDFromBytes(actor.getBytes()).toString())
                .actorName(actor).actorEmail(email(actor)).status(UiPathUnifiedEvent.STATUS_SUCCEEDED);
        String subject = person();
        switch (random.nextInt(10)) {
            case 0:
            case 1:
            case 2: {
                boolean failed = random.nextInt(5) == 0;
                details.put("userName", actor);
                details.put("ipAddress", "203.0.113." + random.nextInt(255));
                b.eventSource("Identity").eventTarget("User").eventType("Login")
                        .status(failed ? UiPathUnifiedEvent.STATUS_FAILED : UiPathUnifiedEvent.STATUS_SUCCEEDED)
                        .eventSummary(failed ? "User '" + actor + "' failed to log in"
                                : "User '" + actor + "' logged in");
                break;
            }
            case 3:
                details.put("userName", actor);
                b.eventSource("Identity").eventTarget("User").eventType("Logout")
                        .eventSummary("User '" + actor + "' logged out");
                break;
            case 4:
                details.put("userId", UUID.nameUUIDFromBytes(subject.getBytes()).toString());
                details.put("userName", subject);
                details.put("email", email(subject));
                b.eventSource("Identity").eventTarget("User").eventType("Create")
                        .eventSummary("User '" + subject + "' was created");
                break;
            case 5: {
                String group = pick(GROUPS);
                details.put("groupName", group);
                details.put("members", List.of(email(subject)));
                b.eventSource("Identity").eventTarget("Group").eventType("AddMembers")
                        .eventSummary("Members were added to group '" + group + "'");
                break;
            }
            case 6:
                details.put("roleName", "Tenant Administrator");
                details.put("assignee", email(subject));
                b.eventSource("Orchestrator").eventTarget("Role").eventType("Assign").tenantId(tenantId)
                        .eventSummary("Role 'Tenant Administrator' was assigned to " + email(subject));
                break;
            case 7: {
                String process = pick(PROCESSES);
                details.put("processName", process);
                details.put("version", "1.0." + random.nextInt(20));
                b.eventSource("Orchestrator").eventTarget("Process").eventType("Update").tenantId(tenantId)
                        .eventSummary("Process '" + process + "' was updated");
                break;
            }
            case 8: {
                String process = pick(PROCESSES);
                details.put("processName", process);
                details.put("jobKey", new UUID(random.nextLong(), random.nextLong()).toString());
                b.eventSource("Orchestrator").eventTarget("Job").eventType("Start").tenantId(tenantId)
                        .eventSummary("Job for process '" + process + "' was started");
                break;
            }
            default:
                details.put("policyName", "Studio Governance");
                b.eventSource("Automation Ops").eventTarget("Policy").eventType("Deploy")
                        .eventSummary("Policy 'Studio Governance' was deployed");
                break;
        }
        return b.eventDetails(write(MAPPER.writer(), details)).build();
    }

    private String person() {
        return pick(FIRST) + " " + pick(LAST);
    }

    private String email(String person) {
        return person.toLowerCase(java.util.Locale.ROOT).replace(' ', '.') + "@" + domain;
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }

    private static String write(ObjectWriter writer, Object value) {
        try {
            return writer.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
