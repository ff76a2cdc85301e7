package dev.auditsdk.moduletest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.module.ModuleDescriptor;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The published audit-sdk library modules as this test's class path holds them (a jar in a
 * reactor build, a classes directory otherwise): each with its module descriptor and the names of
 * its classes. What the gate checks.
 */
final class PublishedModules {
    /** Every published library module. The CLI (an application) and the Kafka Connect plugin (loaded by Connect's class loaders) are not libraries. */
    static final List<String> NAMES = List.of("dev.auditsdk.core", "dev.auditsdk.lifecycle", "dev.auditsdk.boomi",
            "dev.auditsdk.informatica", "dev.auditsdk.jitterbit", "dev.auditsdk.uipath", "dev.auditsdk.registry",
            "dev.auditsdk.micrometer", "dev.auditsdk.testkit");

    private PublishedModules() {
    }

    /** One published module: its descriptor and its class names. */
    static final class Module {
        final ModuleDescriptor descriptor;
        final List<String> classNames;

        Module(ModuleDescriptor descriptor, List<String> classNames) {
            this.descriptor = descriptor;
            this.classNames = classNames;
        }

        String name() {
            return descriptor.name();
        }

        /** @return the packages exported to everyone: the user API */
        List<String> apiPackages() {
            return descriptor.exports().stream().filter(e -> !e.isQualified()).map(ModuleDescriptor.Exports::source)
                    .sorted().collect(Collectors.toList());
        }
    }

    /** @return every published module found on the class path, by name */
    static Map<String, Module> find() {
        Map<String, Module> found = new TreeMap<>();
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            Path root = Paths.get(entry);
            if (!Files.exists(root) || entry.endsWith("-tests.jar") || entry.endsWith("test-classes")) {
                continue;
            }
            withRoot(root, dir -> {
                Path info = dir.resolve("module-info.class");
                if (!Files.exists(info)) {
                    return;
                }
                ModuleDescriptor descriptor;
                try (InputStream in = Files.newInputStream(info)) {
                    descriptor = ModuleDescriptor.read(in);
                }
                if (NAMES.contains(descriptor.name())) {
                    found.put(descriptor.name(), new Module(descriptor, classNames(dir)));
                }
            });
        }
        return found;
    }

    /** @return the bytes of every class of the module, by class name */
    static Map<String, byte[]> classBytes(String moduleName) {
        Map<String, byte[]> out = new TreeMap<>();
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            Path root = Paths.get(entry);
            if (!Files.exists(root) || entry.endsWith("-tests.jar") || entry.endsWith("test-classes")) {
                continue;
            }
            withRoot(root, dir -> {
                Path info = dir.resolve("module-info.class");
                if (!Files.exists(info)) {
                    return;
                }
                try (InputStream in = Files.newInputStream(info)) {
                    if (!ModuleDescriptor.read(in).name().equals(moduleName)) {
                        return;
                    }
                }
                for (String name : classNames(dir)) {
                    out.put(name, Files.readAllBytes(dir.resolve(name.replace('.', '/') + ".class")));
                }
            });
        }
        return out;
    }

    /** A step that reads a class-path root. */
    private interface RootReader {
        void read(Path dir) throws IOException;
    }

    private static void withRoot(Path root, RootReader reader) {
        try {
            if (Files.isDirectory(root)) {
                reader.read(root);
            } else if (root.toString().endsWith(".jar")) {
                try (FileSystem jar = FileSystems.newFileSystem(URI.create("jar:" + root.toUri()), Collections.emptyMap())) {
                    reader.read(jar.getPath("/"));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + root, e);
        }
    }

    private static List<String> classNames(Path dir) throws IOException {
        List<String> names = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            files.filter(p -> p.toString().endsWith(".class")).forEach(p -> {
                String relative = dir.relativize(p).toString().replace('\\', '/');
                if (!relative.startsWith("META-INF/") && !relative.equals("module-info.class")) {
                    names.add(relative.substring(0, relative.length() - ".class".length()).replace('/', '.'));
                }
            });
        }
        Collections.sort(names);
        return names;
    }
}
