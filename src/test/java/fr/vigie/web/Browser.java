package fr.vigie.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A real headless Chromium (Debian {@code chromium}) driven through the Debian {@code chromedriver}, both by path, so
 * Selenium Manager never looks for a driver on the network. Tests that need it are skipped, saying so, when either
 * program is missing (a local machine without them); {@code .ci/run} installs both.
 */
final class Browser implements AutoCloseable {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "web-screenshots");

    private static final ObjectMapper JSON = new ObjectMapper();

    final ChromeDriver driver;
    private final Path profile;

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    static void assumeInstalled() {
        Assumptions.assumeTrue(
                Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "browser tests skipped: install chromium and chromium-driver (apt-get install chromium chromium-driver)");
    }

    /**
     * @param javascript false for a browser that runs no script at all (the plain form-post path)
     * @param scale the device pixel ratio (2 renders like a phone's screen, for screenshots read by OCR)
     */
    static Browser start(boolean javascript, double scale, String acceptLanguage) {
        assumeInstalled();
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        Path profile;
        try {
            profile = Files.createTempDirectory("vigie-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
                "--hide-scrollbars",
                "--force-device-scale-factor=" + scale,
                "--lang=" + acceptLanguage,
                "--user-data-dir=" + profile);
        options.setExperimentalOption(
                "prefs",
                Map.of(
                        "intl.accept_languages",
                        acceptLanguage,
                        "profile.managed_default_content_settings.javascript",
                        javascript ? 1 : 2));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        driver.manage().window().setSize(new Dimension(1280, 900));
        return new Browser(driver, profile);
    }

    /**
     * A browser that runs scripts but never receives htmx (its address is blocked): the page must then work by plain
     * form posts, and axe-core (which needs scripts) can still check every page of that path.
     */
    static Browser withoutHtmx(String acceptLanguage) {
        Browser browser = start(true, 1, acceptLanguage);
        browser.driver.executeCdpCommand("Network.enable", Map.of());
        browser.driver.executeCdpCommand("Network.setBlockedURLs", Map.of("urls", List.of("*/assets/htmx-*")));
        return browser;
    }

    Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** The serious and critical violations axe-core finds on the page shown, as "rule: target" lines. */
    List<String> seriousAccessibilityViolations() {
        script(axeSource());
        Object result = ((JavascriptExecutor) driver)
                .executeAsyncScript("var done = arguments[arguments.length - 1];"
                        + "axe.run(document, {resultTypes: ['violations']})"
                        + ".then(function (r) { done(JSON.stringify(r.violations)); })"
                        + ".catch(function (e) { done('error: ' + e); });");
        assertThat(String.valueOf(result)).doesNotStartWith("error:");
        List<String> serious = new ArrayList<>();
        try {
            for (JsonNode violation : JSON.readTree(String.valueOf(result))) {
                String impact = violation.path("impact").asText();
                if (impact.equals("serious") || impact.equals("critical")) {
                    for (JsonNode node : violation.path("nodes")) {
                        serious.add(violation.path("id").asText() + " (" + impact + "): " + node.path("target"));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return serious;
    }

    private static String axeSource() {
        try (InputStream in = Browser.class.getResourceAsStream("/axe.min.js")) {
            assertThat(in)
                    .as("axe.min.js (com.deque.html.axe-core:selenium) on the test classpath")
                    .isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The whole page at a desktop width and at 390 px (a phone), into target/web-screenshots for a person to look at. */
    void screenshots(String name) {
        Dimension before = driver.manage().window().getSize();
        try {
            Files.createDirectories(SCREENSHOTS);
            for (int width : new int[] {1280, 390}) {
                driver.manage().window().setSize(new Dimension(width, 900));
                long height = ((Number) script("return document.documentElement.scrollHeight")).longValue();
                driver.manage().window().setSize(new Dimension(width, (int) Math.min(Math.max(height, 600), 8000)));
                script("window.scrollTo(0, 0)");
                settle(); // the page's own resize handlers (the console's graph refits) run before the picture
                Files.write(
                        SCREENSHOTS.resolve(name + "-" + width + ".png"),
                        ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            driver.manage().window().setSize(before);
        }
    }

    private static void settle() {
        try {
            Thread.sleep(300);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    byte[] screenshot() {
        return ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // a temporary profile left behind is harmless
        }
    }
}
