package io.supportsla.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.supportsla.console.testing.ConsoleIntegrationTest;
import io.supportsla.console.testing.ConsoleTestEnvironment;
import io.supportsla.console.testing.EscalationServiceStub;
import io.supportsla.console.testing.ScenarioControl;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The console in real headless Chromium, driven by Playwright ({@code src/test/browser/console.test.mjs},
 * run with node's test runner) against this running console, with the other services' events
 * produced on cue through {@link ScenarioControl}. Screenshots go to {@code target/screenshots/}.
 * Skipped, saying why, when Chromium or the npm packages are not installed
 * ({@code src/test/browser/install.sh} installs both).
 */
@ConsoleIntegrationTest
class ConsoleBrowserIT {

    static final Path BROWSER_TESTS = Path.of("src", "test", "browser").toAbsolutePath();
    static final Path CHROMIUM = Path.of(System.getProperty("console.browser.chromium", "/usr/bin/chromium"));
    static final long TIMEOUT_SECONDS = 150;

    @LocalServerPort
    int port;

    /** An assumption in the test itself, so the report counts the test as skipped, with this message. */
    static void assumeBrowserToolsInstalled() {
        String install = " Run ops-console/src/test/browser/install.sh to install it.";
        assumeTrue(Files.isExecutable(CHROMIUM), "Browser tests skipped: no Chromium at " + CHROMIUM + "." + install);
        assumeTrue(Files.isDirectory(BROWSER_TESTS.resolve("node_modules/playwright-core"))
                        && Files.isDirectory(BROWSER_TESTS.resolve("node_modules/@playwright/test")),
                "Browser tests skipped: the npm packages are not installed in " + BROWSER_TESTS + "." + install);
        assumeTrue(nodeRuns(), "Browser tests skipped: node is not on the PATH." + install);
    }

    @Test
    void theConsoleWorksInARealBrowser() throws Exception {
        assumeBrowserToolsInstalled();
        Path target = Path.of("target").toAbsolutePath();
        Path screenshots = Files.createDirectories(target.resolve("screenshots"));
        Path log = target.resolve("browser-tests.log");
        EscalationServiceStub escalationService = ConsoleTestEnvironment.escalationService();

        int exit;
        try (ScenarioControl control = new ScenarioControl(ConsoleTestEnvironment.producer(), escalationService)) {
            ProcessBuilder node = new ProcessBuilder("node", "--test", "--test-reporter=spec", "console.test.mjs")
                    .directory(BROWSER_TESTS.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            node.environment().put("CONSOLE_URL", "http://localhost:" + port);
            node.environment().put("CONTROL_URL", control.url());
            node.environment().put("SCREENSHOT_DIR", screenshots.toString());
            node.environment().put("CHROMIUM_PATH", CHROMIUM.toString());
            Process process = node.start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("The browser tests did not finish within " + TIMEOUT_SECONDS + " s; output in " + log);
            }
            exit = process.exitValue();

            String output = Files.readString(log, StandardCharsets.UTF_8);
            System.out.println("---- browser tests (" + log + ") ----\n" + output);
            assertThat(exit).as("exit code of the browser tests; output:%n%s", output).isZero();
            assertThat(output).containsPattern("pass [1-9]\\d*\\R").containsPattern("fail 0\\R").containsPattern("skipped 0\\R");

            // What the page's "Acknowledge" button sent, as escalation-service's endpoint received it.
            List<String> escalations = control.escalations();
            assertThat(escalations).isNotEmpty();
            assertThat(escalationService.receivedFor(escalations.get(0))).singleElement().satisfies(request -> {
                assertThat(request.method()).isEqualTo("POST");
                assertThat(request.authorization()).isEqualTo("Bearer local-consultant-key");
            });
        }
        try (var files = Files.list(screenshots)) {
            assertThat(files.map(file -> file.getFileName().toString())).contains("1-queue-new-case.png", "3-breached-red.png",
                    "4-acknowledged.png", "5-helpdesk-own-cases-only.png");
        }
    }

    private static boolean nodeRuns() {
        try {
            Process version = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            return version.waitFor(10, TimeUnit.SECONDS) && version.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
