package dev.auditsdk.moduletest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The compatibility gate of the user API. The user API is what each published module's
 * {@code module-info} exports to everyone; the recorded baseline ({@value #BASELINE}) lists its
 * every type and member. A change to the user API fails this test until the baseline is updated in
 * the same commit: run {@code mvn -B verify -pl audit-sdk-module-test -am -Dtest=ApiSurfaceTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Dapi.update=true} and commit the file (its diff is the
 * API change, for review). No user-API signature may mention machinery (a type of a package not
 * exported to everyone, e.g. {@code dev.auditsdk.core.spi.*}) unless the member is itself marked
 * {@code @AuditSdkProtectedApi}.
 */
class ApiSurfaceTest {
    static final String BASELINE = "src/test/resources/api/surface.txt";

    private static Map<String, PublishedModules.Module> modules;
    private static List<Class<?>> apiTypes;
    private static Set<String> apiPackages;

    @BeforeAll
    static void readModules() throws ClassNotFoundException {
        modules = PublishedModules.find();
        apiPackages = new HashSet<>();
        apiTypes = new ArrayList<>();
        for (PublishedModules.Module m : modules.values()) {
            apiPackages.addAll(m.apiPackages());
        }
        for (PublishedModules.Module m : modules.values()) {
            for (Class<?> c : apiTypesOf(m)) {
                apiTypes.add(c);
            }
        }
    }

    private static List<Class<?>> apiTypesOf(PublishedModules.Module m) throws ClassNotFoundException {
        Set<String> packages = new HashSet<>(m.apiPackages());
        List<Class<?>> out = new ArrayList<>();
        for (String name : m.classNames) {
            int dot = name.lastIndexOf('.');
            if (dot > 0 && packages.contains(name.substring(0, dot))) {
                Class<?> c = Class.forName(name, false, ApiSurfaceTest.class.getClassLoader());
                if (ApiSurface.isVisible(c)) {
                    out.add(c);
                }
            }
        }
        return out;
    }

    @Test
    void everyPublishedModuleHasAModuleDescriptorExportingItsUserApi() {
        assertThat(modules.keySet()).as("published modules with a module-info on the class path")
                .containsExactlyInAnyOrderElementsOf(PublishedModules.NAMES);
        for (PublishedModules.Module m : modules.values()) {
            assertThat(m.apiPackages()).as("user-API packages of %s", m.name()).isNotEmpty()
                    .noneMatch(p -> p.contains(".spi.") || p.contains(".internal"));
        }
        assertThat(modules.get("dev.auditsdk.core").descriptor.exports()).filteredOn(e -> e.source().contains(".spi."))
                .isNotEmpty().allSatisfy(e -> assertThat(e.targets()).as(e.source()).isNotEmpty()
                        .allMatch(t -> t.startsWith("dev.auditsdk.")).doesNotContain("dev.auditsdk.moduletest"));
    }

    @Test
    void noUserApiSignatureExposesMachinery() {
        assertThat(ApiSurface.exposures(apiTypes, isUserApi(apiPackages))).as(
                "user-API signatures that mention machinery (move the type to the user API, make the member"
                        + " non-public, or mark the member @AuditSdkProtectedApi)").isEmpty();
    }

    @Test
    void theUserApiMatchesTheRecordedBaseline() throws IOException {
        List<String> surface = new ArrayList<>();
        for (PublishedModules.Module m : modules.values()) {
            List<Class<?>> ofModule = apiTypes.stream().filter(c -> m.classNames.contains(c.getName()))
                    .collect(Collectors.toList());
            surface.addAll(ApiSurface.lines(m.name(), ofModule));
        }
        Path baseline = Paths.get(BASELINE);
        if (Boolean.getBoolean("api.update")) {
            Files.createDirectories(baseline.getParent());
            Files.write(baseline, surface, StandardCharsets.UTF_8);
            return;
        }
        List<String> recorded = Files.exists(baseline) ? Files.readAllLines(baseline, StandardCharsets.UTF_8) : List.of();
        Set<String> removed = new LinkedHashSet<>(recorded);
        removed.removeAll(surface);
        Set<String> added = new LinkedHashSet<>(surface);
        added.removeAll(recorded);
        assertThat(removed.isEmpty() && added.isEmpty()).as(report(removed, added)).isTrue();
    }

    private static String report(Set<String> removed, Set<String> added) {
        StringBuilder s = new StringBuilder("the user API differs from " + BASELINE + " (" + removed.size()
                + " removed or changed, " + added.size() + " added). If the change is intended, record it with"
                + " -Dapi.update=true and commit the baseline with the change.\n");
        removed.stream().limit(100).forEach(l -> s.append("  - ").append(l).append('\n'));
        added.stream().limit(100).forEach(l -> s.append("  + ").append(l).append('\n'));
        return s.toString();
    }

    /** Java's own types, the user-API packages, and the third-party types the modules require transitively. */
    static Predicate<Class<?>> isUserApi(Set<String> packages) {
        return c -> {
            String p = c.getPackageName();
            if (p.startsWith("java.")) {
                return true;
            }
            if (p.startsWith("dev.auditsdk.")) {
                return packages.contains(p) && ApiSurface.isVisible(c);
            }
            return ApiSurface.ALLOWED_THIRD_PARTY.stream().anyMatch(a -> p.equals(a) || p.startsWith(a + "."));
        };
    }

    @Test
    void theGateFindsASignatureThatExposesMachinery() {
        Set<String> packages = Set.of(Fixtures.class.getPackageName());
        List<String> found = ApiSurface.exposures(List.of(Fixtures.Leaky.class, Fixtures.Clean.class), isUserApi(packages));

        assertThat(found).hasSize(3).allMatch(l -> l.contains("Fixtures$Leaky"))
                .anyMatch(l -> l.contains("(its declaration)") && l.contains("Fixtures$Hidden"))
                .anyMatch(l -> l.contains("machinery()") && l.contains("Fixtures$Hidden"))
                .anyMatch(l -> l.contains("accept(") && l.contains("Fixtures$Hidden"));
        assertThat(ApiSurface.lines("m", List.of(Fixtures.Clean.class)))
                .contains("m " + Fixtures.Clean.class.getName() + " | public java.util.List<java.lang.String> names()")
                .noneMatch(l -> l.contains("marked()"))
                .noneMatch(l -> l.contains("hidden()"));
        assertThat(Modifier.isPublic(Fixtures.Hidden.class.getModifiers())).isFalse();
    }
}
