package fr.vigie.web;

import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.access.Access;
import fr.vigie.access.Role;
import fr.vigie.report.EvidenceFile;
import fr.vigie.report.Submission;
import fr.vigie.store.Store;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The analysts' console in a real headless Chromium, over a store seeded with reports that link: four reports of
 * which three carry an IBAN and three a phone number (two carry both), and one more that stands alone. Every page is checked by axe-core and
 * photographed at desktop width and at 390 px.
 */
class ConsoleBrowserTest {
    private static final String PASSWORD = "un mot de passe assez long";
    private static final String IBAN = "FR7630006000011234567890189";
    private static final String SECRET_NAME = "Jeanne Secretnom";
    private static final String SECRET_EMAIL = "jeanne.secretnom@example.fr";

    private static WebServer server;
    private static Browser browser;
    private static String withEmail;
    private static String campaign;
    private static final List<String> LINKED = new ArrayList<>();

    @BeforeAll
    static void start() {
        Browser.assumeInstalled();
        server = new WebServer();
        Access access = Access.of(server.reports().store().accounts());
        access.addUser("analyste", Role.ANALYST, PASSWORD.toCharArray(), "test");
        access.addUser("delegue", Role.DPO, PASSWORD.toCharArray(), "test");
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        withEmail = submit(
                Map.of(
                        "narrative",
                        "J'ai reçu une convocation d'INTERPOL et j'ai payé 450 euros en coupons PCS.",
                        "identifier",
                        "FR76 3000 6000 0112 3456 7890 189",
                        "minor",
                        "true",
                        "loss",
                        "450 EUR coupon " + today,
                        "contact_name",
                        SECRET_NAME,
                        "contact_email",
                        SECRET_EMAIL),
                List.of(new EvidenceFile(
                        "convocation.eml", "message/rfc822", WebServer.fixture("messages/fake-interpol.eml"))));
        LINKED.add(withEmail);
        LINKED.add(submit(
                Map.of(
                        "narrative", "Un commissaire m'a demandé de payer une amende par virement.",
                        "identifier", "+33 6 12 34 56 78",
                        "loss", "1200 EUR transfer " + today),
                List.of()));
        server.reports()
                .submit(
                        Map.of(
                                "narrative", List.of("Encore ce faux policier : il donne le même IBAN."),
                                "identifier", List.of(IBAN, "+33 6 12 34 56 78")),
                        List.of(),
                        "test");
        LINKED.add(submit(Map.of("narrative", "Même IBAN pour payer une amende.", "identifier", IBAN), List.of()));
        submit(Map.of("narrative", "Un faux conseiller bancaire m'a appelé."), List.of());
        campaign = server.reports().store().campaignOf(withEmail).orElseThrow().id();
        browser = Browser.start(true, 1, "fr-FR,fr");
    }

    private static String submit(Map<String, String> fields, List<EvidenceFile> files) {
        Map<String, List<String>> form = new LinkedHashMap<>();
        fields.forEach((k, v) -> form.put(k, List.of(v)));
        Submission s = server.reports().submit(form, files, "test");
        return s.id();
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable c : new AutoCloseable[] {browser, server}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception e) {
                // closing the next one matters more
            }
        }
    }

    private static WebElement waitFor(Browser b, By by) {
        return new WebDriverWait(b.driver, Duration.ofSeconds(30))
                .until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    private static void signIn(Browser b, String name) {
        b.driver.get(server.base + "/console/signin?lang=fr");
        b.driver.findElement(By.id("name")).sendKeys(name);
        b.driver.findElement(By.id("password")).sendKeys(PASSWORD);
        b.driver.findElement(By.id("signin-submit")).click();
    }

    /** Opens a console page, signing in first when the console sends the browser to the sign-in page. */
    private static void open(String path) {
        browser.driver.get(server.base + path);
        if (browser.driver.getCurrentUrl().contains("/console/signin")) {
            signIn(browser, "analyste");
            browser.driver.get(server.base + path);
        }
    }

    private static void assertAccessible(Browser b, String name) {
        b.screenshots(name);
        assertThat(b.seriousAccessibilityViolations())
                .as("axe-core on %s", name)
                .isEmpty();
    }

    @Test
    void signInLeadsToTheQueueRankedByPriorityWithItsFactors() {
        browser.driver.manage().deleteAllCookies();
        browser.driver.get(server.base + "/console?lang=fr");
        assertThat(browser.driver.getCurrentUrl())
                .as("no session: the sign-in page")
                .contains("/console/signin");
        assertAccessible(browser, "console-signin-fr");

        signIn(browser, "analyste");

        waitFor(browser, By.id("queue"));
        assertThat(browser.driver.getCurrentUrl()).endsWith("/console?lang=fr");
        List<Integer> priorities = browser.driver.findElements(By.cssSelector("#queue .priority")).stream()
                .map(e -> Integer.parseInt(e.getText()))
                .toList();
        assertThat(priorities).hasSize(5).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(browser.driver
                        .findElement(By.cssSelector("#queue .report-link"))
                        .getText())
                .as("the minor who just paid by coupons comes first")
                .isEqualTo(withEmail);
        assertThat(browser.driver.findElement(By.cssSelector("#queue .factors")).getText())
                .contains("mineur");
        assertAccessible(browser, "console-queue-fr");
    }

    @Test
    void theQueueFiltersByStatus() {
        open("/console?lang=fr&status=closed");
        assertThat(waitFor(browser, By.id("queue-empty")).getText()).contains("Aucun signalement");
    }

    @Test
    void reportPageShowsEvidenceHashesHopsFlagsAndLinkedIdentifiersButNeverTheIdentity() {
        open("/console/reports/" + withEmail + "?lang=fr");

        waitFor(browser, By.id("report-facts"));
        assertThat(browser.driver
                        .findElement(By.cssSelector("#evidence .sha code"))
                        .getText())
                .matches("[0-9a-f]{64}");
        assertThat(browser.driver.findElement(By.cssSelector("#evidence a")).getAttribute("href"))
                .endsWith("/api/reports/" + withEmail + "/evidence/0");
        assertThat(browser.driver.findElements(By.cssSelector("#hops tbody tr")))
                .as("one row per Received header")
                .hasSize(2);
        assertThat(browser.driver.findElement(By.id("hops")).getText()).contains("185.220.101.33");
        assertThat(browser.driver.findElements(By.cssSelector("#red-flags > li")))
                .isNotEmpty();
        assertThat(browser.driver.findElements(By.cssSelector("#identifiers a")).stream()
                        .map(a -> a.getAttribute("href"))
                        .toList())
                .allSatisfy(href -> assertThat(href).contains("/console/lookup?kind="))
                .anySatisfy(href -> assertThat(href).contains(IBAN));
        assertThat(browser.driver.findElement(By.id("pseudonym")).getText()).isNotBlank();
        assertThat(browser.driver.getPageSource()).doesNotContain(SECRET_NAME).doesNotContain(SECRET_EMAIL);
        assertThat(browser.driver.findElement(By.id("victim-dossier")).getAttribute("href"))
                .contains("/api/reports/" + withEmail + "/dossier.pdf");
        assertAccessible(browser, "console-report-fr");
    }

    @Test
    void statusChangeUpdatesThePanelInPlaceAndJoinsTheHistory() {
        String id = LINKED.get(1);
        open("/console/reports/" + id + "?lang=fr");
        int before = browser.driver
                .findElements(By.cssSelector("#status-history > li"))
                .size();

        new Select(browser.driver.findElement(By.id("new-status"))).selectByValue("triaged");
        browser.driver.findElement(By.id("status-note")).sendKeys("Vu, à rapprocher de " + campaign);
        browser.driver.findElement(By.id("status-submit")).click();

        new WebDriverWait(browser.driver, Duration.ofSeconds(30))
                .until(d ->
                        d.findElements(By.cssSelector("#status-history > li")).size() == before + 1);
        assertThat(browser.driver.findElement(By.id("current-status")).getText())
                .isEqualTo("examiné");
        assertThat(browser.driver.findElement(By.id("status-history")).getText())
                .contains("analyste")
                .contains("à rapprocher");
        assertThat(browser.driver.getCurrentUrl()).as("htmx answered in place").endsWith("?lang=fr");
        assertThat(server.reports().report(id).orElseThrow().status().id()).isEqualTo("triaged");
    }

    @Test
    void campaignGraphHasOneNodePerReportAndPerSharedIdentifier() {
        open("/console/campaigns?lang=fr&sort=size");
        WebElement link = waitFor(browser, By.linkText(campaign));
        assertAccessible(browser, "console-campaigns-fr");
        link.click();

        WebElement graph = waitFor(browser, By.id("graph"));
        new WebDriverWait(browser.driver, Duration.ofSeconds(30)).until(d -> graph.getAttribute("data-nodes") != null);
        Store.CampaignFigures figures =
                server.reports().store().campaign(campaign, 1000).orElseThrow();
        assertThat(figures.reports()).as("the seeded linked reports").hasSize(4);
        assertThat(figures.topIdentifiers().stream()
                        .map(e -> e.getKey().kind().id())
                        .sorted()
                        .toList())
                .as("the seeded shared identifiers")
                .containsExactly("iban", "phone");
        assertThat(Integer.parseInt(graph.getAttribute("data-nodes"))).isEqualTo(4 + 2);
        assertThat(Integer.parseInt(graph.getAttribute("data-edges")))
                .as("3 reports carry the IBAN, 3 the phone")
                .isEqualTo(3 + 3);
        assertThat(browser.driver.findElements(By.cssSelector("#graph canvas"))).isNotEmpty();
        new WebDriverWait(browser.driver, Duration.ofSeconds(30))
                .until(d -> d.findElement(By.id("timeline")).getAttribute("data-days") != null);
        assertThat(browser.driver.findElements(By.cssSelector("#timeline canvas")))
                .isNotEmpty();
        assertAccessible(browser, "console-campaign-fr");
    }

    @Test
    void lookUpOfTheSharedIbanListsItsReportsAndCampaign() {
        open("/console/lookup?lang=fr&kind=iban&value=" + IBAN);

        assertThat(waitFor(browser, By.id("lookup-reports")).getText()).isEqualTo("3");
        assertThat(browser.driver.findElements(By.cssSelector("#lookup-report-list a")))
                .hasSize(3);
        assertThat(browser.driver.findElement(By.id("lookup-result")).getText()).contains(campaign);
        assertAccessible(browser, "console-lookup-fr");
    }

    @Test
    void fullTextSearchFindsTheReportThatSaysIt() {
        open("/console/search?lang=fr");
        browser.driver.findElement(By.id("search-q")).sendKeys("conseiller bancaire");
        browser.driver.findElement(By.id("search-submit")).click();

        waitFor(browser, By.id("search-results"));
        assertThat(browser.driver.findElements(By.cssSelector("#search-results tbody tr")))
                .hasSize(1);
        assertAccessible(browser, "console-search-fr");
    }

    @Test
    void languageSwitchShowsTheConsoleInEnglishAndKeepsThePage() {
        open("/console/campaigns?lang=fr&sort=recent");
        browser.driver.findElement(By.cssSelector(".lang-switch")).click();

        assertThat(waitFor(browser, By.tagName("h1")).getText()).isEqualTo("Campaigns");
        assertThat(browser.driver.getCurrentUrl()).contains("lang=en").contains("sort=recent");
        assertThat(browser.driver.findElement(By.tagName("html")).getAttribute("lang"))
                .isEqualTo("en");
        open("/console/reports/" + withEmail + "?lang=en");
        assertThat(waitFor(browser, By.id("summary-title")).getText()).isEqualTo("Summary");
        assertAccessible(browser, "console-report-en");
        open("/console?lang=en");
        assertAccessible(browser, "console-queue-en");
    }

    @Test
    void aDpoIsToldTheirRoleHasNoConsoleAccess() {
        try (Browser other = Browser.start(true, 1, "fr-FR,fr")) {
            signIn(other, "delegue");

            WebElement refusal = waitFor(other, By.id("refusal"));
            assertThat(refusal.getText())
                    .contains("délégué à la protection des données")
                    .contains("n'a pas accès");
            assertThat(other.driver.findElements(By.id("queue"))).isEmpty();
            assertAccessible(other, "console-refused-dpo-fr");
            other.driver.findElement(By.id("signout")).click();
            waitFor(other, By.id("signin-form"));
            other.driver.get(server.base + "/console");
            assertThat(other.driver.getCurrentUrl())
                    .as("signed out: back to sign-in")
                    .contains("/console/signin");
        }
    }

    @Test
    void withoutSessionOrWithAWrongPasswordNothingOpens() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<String> queue = client.send(
                HttpRequest.newBuilder(URI.create(server.base + "/console/reports/" + withEmail))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(queue.statusCode()).isEqualTo(303);
        assertThat(queue.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).startsWith("/console/signin"));

        try (Browser other = Browser.start(true, 1, "fr-FR,fr")) {
            other.driver.get(server.base + "/console/signin?lang=fr");
            other.driver.findElement(By.id("name")).sendKeys("analyste");
            other.driver.findElement(By.id("password")).sendKeys("pas le bon mot de passe");
            other.driver.findElement(By.id("signin-submit")).click();
            assertThat(waitFor(other, By.id("signin-error")).getText()).contains("incorrect");
            other.driver.get(server.base + "/console");
            assertThat(other.driver.getCurrentUrl()).contains("/console/signin");
        }
    }
}
