package dev.auditsdk.moduletest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The root README's "The API in one example" compiles, as written, against the published
 * modules: the example users copy first cannot drift from the API.
 */
class ReadmeExampleTest {
    private static final Pattern EXAMPLE = Pattern.compile("## The API in one example\\s+```java\\n(.*?)\\n```", Pattern.DOTALL);

    @Test
    void theReadmesApiExampleCompiles(@TempDir Path dir) throws IOException {
        String readme = Files.readString(Paths.get("..", "README.md"), StandardCharsets.UTF_8);
        Matcher m = EXAMPLE.matcher(readme);
        assertThat(m.find()).as("README.md has a java block under '## The API in one example'").isTrue();
        String source = "import dev.auditsdk.core.*;\n"
                + "import dev.auditsdk.core.auth.*;\n"
                + "import dev.auditsdk.lifecycle.*;\n"
                + "import java.net.URI;\n"
                + "import java.time.Instant;\n"
                + "class Example {\n"
                + "    interface Siem { void send(Object event); }\n"
                + "    interface Store { void save(String checkpoint); String load(); }\n"
                + "    static void run(Siem siem, Store store) {\n"
                + m.group(1) + "\n"
                + "    }\n"
                + "}\n";
        Path file = dir.resolve("Example.java");
        Files.writeString(file, source, StandardCharsets.UTF_8);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter diagnostics = new StringWriter();

        boolean compiled = javac.getTask(diagnostics, null, null,
                List.of("--release", "11", "-classpath", System.getProperty("java.class.path"), "-d", dir.toString()),
                null, javac.getStandardFileManager(null, null, StandardCharsets.UTF_8).getJavaFileObjects(file.toFile()))
                .call();

        assertThat(compiled).as("the README example compiles:%n%s%n%s", diagnostics, source).isTrue();
    }
}
