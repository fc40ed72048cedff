package dev.guard4j.filters.observe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.guard4j.filters.audit.AuditLog;
import dev.guard4j.filters.audit.AuditLogVerifier;
import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The audit log and the SLF4J hook work with Micrometer and OpenTelemetry absent from the class path. */
class OptionalDependenciesTest {

    @TempDir
    Path dir;

    @Test
    void theAuditLogAndTheSlf4jHookNeedNeitherMicrometerNorOpenTelemetry() throws Exception {
        try (URLClassLoader withoutOptional = classPathWithout("micrometer", "opentelemetry")) {
            Class<?> use = withoutOptional.loadClass(WithoutOptionalDependencies.class.getName());
            assertThat(use.getClassLoader()).isSameAs(withoutOptional);

            use.getMethod("recordAndLog", Path.class).invoke(null, dir);

            assertThatThrownBy(() -> use.getMethod("countInMicrometer").invoke(null))
                    .isInstanceOf(InvocationTargetException.class)
                    .hasCauseInstanceOf(NoClassDefFoundError.class);
        }
        assertThat(AuditLogVerifier.withoutKey().verify(AuditLog.files(dir)).recordCount()).isEqualTo(1);
    }

    private static URLClassLoader classPathWithout(String... hidden) throws Exception {
        List<URL> urls = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            boolean hide = false;
            for (String name : hidden) {
                hide |= entry.contains(name);
            }
            if (!hide) {
                urls.add(Path.of(entry).toUri().toURL());
            }
        }
        return new URLClassLoader(urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader());
    }
}
