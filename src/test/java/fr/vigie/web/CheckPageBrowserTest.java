package fr.vigie.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The check page, the report flow and the follow-up page in a real headless Chromium, with and without JavaScript. */
class CheckPageBrowserTest {
    private static WebServer server;
    private static Browser browser;
    private static Browser noScript;
    private static Browser noHtmx;

    @BeforeAll
    static void start() {
        Browser.assumeInstalled();
        server = new WebServer();
        browser = Browser.start(true, 1, "fr-FR,fr");
        noScript = Browser.start(false, 1, "fr-FR,fr");
        noHtmx = Browser.withoutHtmx("fr-FR,fr");
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable c : new AutoCloseable[] {browser, noScript, noHtmx, server}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception e) {
                // closing the next one matters more
            }
        }
    }

    private static String interpol() {
        return new String(WebServer.fixture("web/interpol.txt"), StandardCharsets.UTF_8);
    }

    private static WebElement waitFor(Browser b, By by) {
        return new WebDriverWait(b.driver, Duration.ofSeconds(30))
                .until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    private static void paste(Browser b, String text) {
        b.driver.get(server.base + "/?lang=fr");
        // typing 1,000 characters key by key is slow and beside the point: the field is set as a paste would
        b.script("document.getElementById('text').value = arguments[0];", text);
        b.driver.findElement(By.id("check-submit")).click();
    }

    private static void assertAccessible(Browser b, String name) {
        b.screenshots(name);
        assertThat(b.seriousAccessibilityViolations())
                .as("axe-core on %s", name)
                .isEmpty();
    }

    @Test
    void pastedInterpolMessageShowsScamVerdictAndHighlightedFlagsInPlace() {
        paste(browser, interpol());
        WebElement verdict = waitFor(browser, By.id("verdict-title"));
        assertThat(verdict.getText()).isEqualTo("C'est une arnaque.");
        assertThat(browser.driver.getCurrentUrl()).as("htmx answered in place").endsWith("/?lang=fr");
        List<WebElement> marks = browser.driver.findElements(By.cssSelector("mark.flag-mark"));
        assertThat(marks).hasSizeGreaterThanOrEqualTo(3);
        assertThat(marks.stream().map(WebElement::getText).toList())
                .anySatisfy(m -> assertThat(m).contains("INTERPOL"))
                .anySatisfy(m -> assertThat(m).contains("coupons PCS"));
        List<WebElement> flags = browser.driver.findElements(By.cssSelector(".flags > li"));
        assertThat(flags).hasSizeGreaterThanOrEqualTo(3);
        List<String> todo = browser.driver.findElements(By.cssSelector(".todo > li")).stream()
                .map(WebElement::getText)
                .toList();
        assertThat(todo)
                .as("what to do now: the router's steps, services included, never INTERPOL as a contact")
                .anySatisfy(step -> assertThat(step).startsWith("Ne payez rien"))
                .anySatisfy(step -> assertThat(step).contains("PHAROS"))
                .noneSatisfy(step -> assertThat(step).containsIgnoringCase("interpol.int"));
        assertThat(browser.driver.switchTo().activeElement().getAttribute("id"))
                .as("focus moved to the verdict")
                .isEqualTo("verdict-title");
        assertAccessible(browser, "answer-scam-fr");
    }

    @Test
    void aMinorInBelgiumGetsAChildProtectionStepFirstAndNoFrenchService() {
        browser.driver.get(server.base + "/?lang=fr");
        browser.driver.findElement(By.id("check-minor-yes")).click();
        new org.openqa.selenium.support.ui.Select(browser.driver.findElement(By.id("check-country")))
                .selectByValue("BE");
        browser.script("document.getElementById('text').value = arguments[0];", interpol());
        browser.driver.findElement(By.id("check-submit")).click();
        waitFor(browser, By.id("verdict-title"));
        List<String> todo = browser.driver.findElements(By.cssSelector(".todo > li")).stream()
                .map(WebElement::getText)
                .toList();

        assertThat(todo).isNotEmpty();
        assertThat(todo.getFirst()).containsIgnoringCase("adulte");
        assertThat(todo).noneSatisfy(step -> assertThat(step).contains("PHAROS"));
    }

    @Test
    void withoutJavaScriptThePlainFormPostShowsTheSameAnswer() {
        paste(noScript, interpol());
        WebElement verdict = waitFor(noScript, By.id("verdict-title"));
        assertThat(verdict.getText()).isEqualTo("C'est une arnaque.");
        assertThat(noScript.driver.getCurrentUrl())
                .as("a full page from the form post")
                .endsWith("/check");
        assertThat(noScript.driver.findElements(By.cssSelector("mark.flag-mark")))
                .hasSizeGreaterThanOrEqualTo(3);
        noScript.screenshots("answer-scam-nojs"); // axe-core needs scripts: it checks the same page without htmx below
    }

    @Test
    void withoutHtmxThePageAnswersByFormPost() {
        paste(noHtmx, interpol());
        assertThat(waitFor(noHtmx, By.id("verdict-title")).getText()).isEqualTo("C'est une arnaque.");
        assertThat(noHtmx.driver.getCurrentUrl()).endsWith("/check");
        assertAccessible(noHtmx, "answer-scam-form-post");
    }

    @Test
    void uploadedEmlIsCheckedWithItsFlagsHighlighted() throws Exception {
        Path eml = Files.createTempFile("convocation-", ".eml");
        try {
            Files.write(eml, WebServer.fixture("messages/fake-interpol.eml"));
            browser.driver.get(server.base + "/?lang=fr");
            browser.driver
                    .findElement(By.id("file"))
                    .sendKeys(eml.toAbsolutePath().toString());
            browser.driver.findElement(By.id("check-submit")).click();
            assertThat(waitFor(browser, By.id("verdict-title")).getText()).isEqualTo("C'est une arnaque.");
            assertThat(browser.driver.findElements(By.cssSelector("mark.flag-mark")))
                    .isNotEmpty();
            assertThat(browser.driver.findElement(By.id("answer")).getText()).contains("en-tête Subject");
        } finally {
            Files.deleteIfExists(eml);
        }
    }

    @Test
    void uploadedScreenshotIsReadAndChecked() throws Exception {
        Assumptions.assumeTrue(
                Files.isExecutable(Path.of("/usr/bin/tesseract")), "OCR test skipped: install tesseract-ocr");
        byte[] png;
        try (Browser phone = Browser.start(true, 2, "fr")) {
            png = ChatScreenshots.render(phone, "fr-banque").png();
        }
        Path file = Files.createTempFile("capture-", ".png");
        try {
            Files.write(file, png);
            browser.driver.get(server.base + "/?lang=fr");
            browser.driver
                    .findElement(By.id("file"))
                    .sendKeys(file.toAbsolutePath().toString());
            browser.driver.findElement(By.id("check-submit")).click();
            assertThat(waitFor(browser, By.id("verdict-title")).getText()).isEqualTo("C'est une arnaque.");
            String answer = browser.driver.findElement(By.id("answer")).getText();
            assertThat(answer).contains("lu sur la capture").contains("FR76 3000 6000 0112 3456 7890 189");
            assertAccessible(browser, "answer-screenshot-fr");
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void reportFlowEndsWithFollowUpLinkAndTokenThatOpenTheReport() {
        paste(noHtmx, interpol());
        waitFor(noHtmx, By.id("verdict-title"));
        noHtmx.driver.findElement(By.cssSelector("details.report summary")).click();
        noHtmx.driver.findElement(By.id("minor-no")).click();
        new Select(noHtmx.driver.findElement(By.id("country"))).selectByValue("BE");
        new Select(noHtmx.driver.findElement(By.id("channel"))).selectByValue("email");
        noHtmx.driver.findElement(By.id("narrative")).sendKeys("J'ai reçu une convocation et j'ai payé.");
        noHtmx.driver.findElement(By.id("loss_amount")).sendKeys("450");
        new Select(noHtmx.driver.findElement(By.id("loss_method"))).selectByValue("coupon");
        noHtmx.driver
                .findElement(By.cssSelector(".report-form button[type=submit]"))
                .click();
        String id = waitFor(noHtmx, By.id("report-id")).getText();
        String token = noHtmx.driver.findElement(By.id("report-token")).getText();
        assertThat(id).startsWith("VG-");
        assertThat(token).isNotBlank();
        assertThat(server.reports().opens(id, token)).isTrue();
        assertAccessible(noHtmx, "reported-fr");

        noHtmx.driver.findElement(By.id("follow-link")).click();
        assertThat(noHtmx.driver.findElement(By.id("id")).getAttribute("value")).isEqualTo(id);
        assertAccessible(noHtmx, "follow-form-fr");
        noHtmx.driver.findElement(By.id("token")).sendKeys(token);
        noHtmx.driver.findElement(By.cssSelector("form button[type=submit]")).click();
        assertThat(waitFor(noHtmx, By.id("report-status")).getText()).isEqualTo("reçu");
        assertAccessible(noHtmx, "follow-report-fr");
    }

    @Test
    void wrongFollowUpCodeOpensNothing() {
        noHtmx.driver.get(server.base + "/follow?id=VG-doesnotexist&lang=en");
        noHtmx.driver.findElement(By.id("token")).sendKeys("not-the-code");
        noHtmx.driver.findElement(By.cssSelector("form button[type=submit]")).click();
        assertThat(waitFor(noHtmx, By.cssSelector("[role=alert]")).getText())
                .isEqualTo("No report matches this number and this code.");
    }

    @Test
    void languageSwitchShowsThePageInEnglishAndBack() {
        browser.driver.get(server.base + "/");
        assertThat(browser.driver.findElement(By.tagName("html")).getAttribute("lang"))
                .isEqualTo("fr");
        browser.driver.findElement(By.cssSelector("a.lang-switch")).click();
        assertThat(browser.driver.findElement(By.tagName("html")).getAttribute("lang"))
                .isEqualTo("en");
        assertThat(browser.driver.findElement(By.tagName("h1")).getText()).isEqualTo("Is this message a scam?");
        assertAccessible(browser, "check-en");
        browser.driver.findElement(By.cssSelector("a.lang-switch")).click();
        assertThat(browser.driver.findElement(By.tagName("h1")).getText()).isEqualTo("Ce message est-il une arnaque ?");
    }

    @Test
    void englishBrowserGetsTheEnglishPage() throws Exception {
        HttpResponse<String> page = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(server.base + "/"))
                                .header("Accept-Language", "en-GB,en;q=0.9")
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(page.body()).contains("<html lang=\"en\">").contains("Is this message a scam?");
    }

    @Test
    void emptySubmissionSaysWhatIsMissing() {
        noHtmx.driver.get(server.base + "/?lang=fr");
        noHtmx.driver.findElement(By.id("check-submit")).click();
        assertThat(waitFor(noHtmx, By.cssSelector("[role=alert]")).getText()).contains("Collez un message");
        assertAccessible(noHtmx, "check-error-fr");
    }

    @Test
    void checkAndReportPagesHaveNoSeriousAccessibilityViolation() {
        for (String page : List.of("/?lang=fr", "/report?lang=fr", "/report?lang=en", "/follow?lang=fr")) {
            browser.driver.get(server.base + page);
            String name = page.substring(1).replace("?lang=", "-");
            assertAccessible(browser, name.startsWith("-") ? "check" + name : name);
        }
    }
}
