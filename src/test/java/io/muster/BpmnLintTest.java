package io.muster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Lints every model in the top-level bpmn/ folder with bpmnlint: its recommended rules plus Camunda
 * Modeler's compatibility rules for Camunda 7.24 (bpmnlint-plugin-camunda-compat), configured in
 * src/test/bpmnlint/.bpmnlintrc. Lint errors fail the build; warnings are only reported by bpmnlint.
 *
 * <p>The rules come from the npm project in src/test/bpmnlint (versions pinned by its package-lock.json),
 * installed with {@code npm ci} into its node_modules when that is missing or older than the lock file.
 * On a machine without Node.js (or with one too old for bpmnlint) the test is skipped, so a JDK alone
 * still runs the suite.
 *
 * <p>bpmnlint resolves its plugins from its working directory, so it runs in src/test/bpmnlint and
 * gets the models as paths relative to it.
 */
class BpmnLintTest {

    /** Oldest Node.js major version the pinned bpmnlint supports (see "engines" in package.json). */
    private static final int MIN_NODE_MAJOR = 20;

    private static final Duration VERSION_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration LINT_TIMEOUT = Duration.ofMinutes(2);

    private static final boolean WINDOWS =
            System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");

    /** Characters bpmnlint's file globbing would read as a pattern, which could silently match nothing. */
    private static final Pattern GLOB_CHARACTERS = Pattern.compile("[*?\\[\\]{}()!+@\\\\]");

    private final Path baseDir = Path.of("").toAbsolutePath();
    private final Path lintDir = baseDir.resolve(Path.of("src", "test", "bpmnlint"));
    private final Path modelDir = baseDir.resolve("bpmn");

    @Test
    void modelsPassBpmnlint() throws Exception {
        List<Path> models = models();
        skipUnless(!models.isEmpty(),
                "No BPMN models in " + baseDir.relativize(modelDir) + File.separator + " yet: nothing to lint.");

        Optional<Path> node = onPath("node");
        Optional<Path> npm = onPath("npm");
        skipUnless(node.isPresent() && npm.isPresent(),
                "Node.js (node and npm) is not on the PATH: skipping the bpmnlint check of the BPMN models."
                        + " Install Node.js " + MIN_NODE_MAJOR + " or newer to run it.");
        int nodeMajor = nodeMajorVersion(node.get());
        skipUnless(nodeMajor >= MIN_NODE_MAJOR,
                "Node.js " + nodeMajor + " on the PATH is too old for bpmnlint (needs " + MIN_NODE_MAJOR
                        + " or newer): skipping the bpmnlint check of the BPMN models.");

        installWhenStale(npm.get());

        Path bpmnlint = lintDir.resolve(Path.of("node_modules", ".bin", WINDOWS ? "bpmnlint.cmd" : "bpmnlint"));
        assertTrue(Files.isRegularFile(bpmnlint), "npm ci did not install " + bpmnlint);

        List<String> command = new ArrayList<>(List.of(bpmnlint.toString(), "--config", ".bpmnlintrc"));
        for (Path model : models) {
            command.add(lintDir.relativize(model).toString());
        }
        Result lint = run(command, lintDir, LINT_TIMEOUT);

        assertEquals(0, lint.exitCode(),
                () -> "bpmnlint found errors in the BPMN models (rules: " + baseDir.relativize(lintDir)
                        + File.separator + ".bpmnlintrc):\n\n" + lint.output().strip());
    }

    /** Skips the test (a JUnit assumption) and says why on the console too, where Maven shows only a count. */
    private static void skipUnless(boolean condition, String reason) {
        if (!condition) {
            System.out.println("BpmnLintTest skipped: " + reason);
        }
        assumeTrue(condition, reason);
    }

    /** The models the application deploys: bpmn/*.bpmn, not its subfolders. */
    private List<Path> models() throws IOException {
        if (!Files.isDirectory(modelDir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(modelDir)) {
            List<Path> models = files
                    .filter(file -> file.getFileName().toString().endsWith(".bpmn"))
                    .filter(Files::isRegularFile)
                    .sorted()
                    .toList();
            for (Path model : models) {
                String name = model.getFileName().toString();
                assertFalse(GLOB_CHARACTERS.matcher(name).find(),
                        "Rename " + baseDir.relativize(model) + ": bpmnlint would read its name as a file pattern."
                                + " Use letters, digits, '.', '-' and '_'.");
            }
            return models;
        }
    }

    /** Runs npm ci when node_modules is missing, incomplete or older than package-lock.json. */
    private void installWhenStale(Path npm) throws Exception {
        Path lockFile = lintDir.resolve("package-lock.json");
        // npm writes this hidden lock file when it has finished installing node_modules.
        Path installed = lintDir.resolve(Path.of("node_modules", ".package-lock.json"));
        if (Files.isRegularFile(installed)) {
            FileTime installedAt = Files.getLastModifiedTime(installed);
            if (installedAt.compareTo(Files.getLastModifiedTime(lockFile)) >= 0) {
                return;
            }
        }
        Result install = run(List.of(npm.toString(), "ci", "--no-audit", "--no-fund"), lintDir, INSTALL_TIMEOUT);
        assertEquals(0, install.exitCode(), () -> "npm ci failed in " + baseDir.relativize(lintDir) + ":\n"
                + install.output());
    }

    private static int nodeMajorVersion(Path node) throws Exception {
        Result version = run(List.of(node.toString(), "--version"), Path.of(""), VERSION_TIMEOUT);
        Matcher major = Pattern.compile("^v?(\\d+)\\.").matcher(version.output().strip());
        if (version.exitCode() != 0 || !major.find()) {
            fail("Could not read the version of " + node + ":\n" + version.output());
        }
        return Integer.parseInt(major.group(1));
    }

    /** The executable of this name in a folder on the PATH, the way a shell would find it. */
    private static Optional<Path> onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        List<String> fileNames = WINDOWS ? List.of(name + ".exe", name + ".cmd") : List.of(name);
        for (String dir : path.split(Pattern.quote(File.pathSeparator))) {
            if (dir.isBlank()) {
                continue;
            }
            for (String fileName : fileNames) {
                Path candidate;
                try {
                    candidate = Path.of(dir.strip(), fileName);
                } catch (RuntimeException invalidPath) {
                    continue;
                }
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    private record Result(int exitCode, String output) {}

    /** Runs a command with stdout and stderr together in a temporary file, killing it after the timeout. */
    private static Result run(List<String> command, Path workingDir, Duration timeout) throws Exception {
        Path output = Files.createTempFile("bpmnlint-", ".log");
        try {
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(workingDir.toAbsolutePath().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile());
            builder.environment().put("NO_COLOR", "1");
            builder.environment().put("NO_UPDATE_NOTIFIER", "1");
            Process process = builder.start();
            process.getOutputStream().close(); // no input: a prompt ends instead of waiting for the timeout
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                fail(String.join(" ", command) + " did not finish within " + timeout.toSeconds() + " s:\n"
                        + read(output));
            }
            return new Result(process.exitValue(), read(output));
        } finally {
            Files.deleteIfExists(output);
        }
    }

    private static String read(Path output) throws IOException {
        return new String(Files.readAllBytes(output), StandardCharsets.UTF_8);
    }
}
