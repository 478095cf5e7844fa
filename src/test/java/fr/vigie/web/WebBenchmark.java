package fr.vigie.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The web benchmark (README, "Benchmarks"): measured in a real headless Chromium against the real server, printed
 * beside a baseline taken in the same run, never asserted. Runs only when asked:
 * {@code ./mvnw -B -ntp -q -Dspotless.check.skip=true -DskipFuzz test -Dtest=WebBenchmark -Dvigie.bench.web=true}.
 *
 * <ul>
 *   <li>submit → verdict shown, for a 50 KB message: from the click on "Vérifier" to the verdict's title in the
 *       page (htmx in place), timed in the page with {@code performance.now()}; p50 and p95 over the runs;
 *   <li>baseline: a {@code fetch('/health')} round trip from the same page, p50 and p95;
 *   <li>the check page's weight: the document and everything it loads (Resource Timing, bytes as transferred).
 * </ul>
 */
class WebBenchmark {
    private static final int WARM_UP = 5;
    private static final int RUNS = Integer.getInteger("vigie.bench.runs", 30);

    @Test
    void submitToVerdictAndPageWeight() {
        Assumptions.assumeTrue(Boolean.getBoolean("vigie.bench.web"), "web benchmark: run with -Dvigie.bench.web=true");
        String message = fiftyKilobytes();
        try (WebServer server = new WebServer();
                Browser browser = Browser.start(true, 1, "fr")) {
            browser.driver.get(server.base + "/");
            long document = ((Number)
                            browser.script("return performance.getEntriesByType('navigation')[0].transferSize"))
                    .longValue();
            long resources = ((Number) browser.script("return performance.getEntriesByType('resource')"
                            + ".reduce(function (s, r) { return s + r.transferSize; }, 0)"))
                    .longValue();
            long decoded = ((Number)
                            browser.script("return performance.getEntriesByType('navigation')[0].decodedBodySize"
                                    + " + performance.getEntriesByType('resource')"
                                    + ".reduce(function (s, r) { return s + r.decodedBodySize; }, 0)"))
                    .longValue();
            List<Double> health = new ArrayList<>();
            List<Double> verdict = new ArrayList<>();
            for (int i = 0; i < WARM_UP + RUNS; i++) {
                browser.driver.get(server.base + "/");
                double roundTrip = ((Number) browser.driver.executeAsyncScript(
                                "var done = arguments[arguments.length - 1]; var t0 = performance.now();"
                                        + "fetch('/health', {cache: 'no-store'}).then(function (r) { return r.text(); })"
                                        + ".then(function () { done(performance.now() - t0); });"))
                        .doubleValue();
                browser.script("document.getElementById('text').value = arguments[0];", message);
                double shown = ((Number) browser.driver.executeAsyncScript(
                                "var done = arguments[arguments.length - 1]; var t0 = performance.now();"
                                        + "var seen = new MutationObserver(function () {"
                                        + "  if (document.getElementById('verdict-title')) {"
                                        + "    seen.disconnect(); done(performance.now() - t0); } });"
                                        + "seen.observe(document.body, {childList: true, subtree: true});"
                                        + "document.getElementById('check-submit').click();"))
                        .doubleValue();
                if (i >= WARM_UP) {
                    health.add(roundTrip);
                    verdict.add(shown);
                }
            }
            System.out.printf(
                    Locale.ROOT,
                    "%nweb benchmark (%d runs after %d warm-up, message %d bytes)%n"
                            + "  submit -> verdict shown   p50 %7.1f ms   p95 %7.1f ms   (target p95 < 1000 ms)%n"
                            + "  baseline GET /health      p50 %7.1f ms   p95 %7.1f ms%n"
                            + "  check page weight         %7d bytes (document %d + loaded files %d; target < 150 KB),"
                            + " %d bytes uncompressed%n",
                    RUNS,
                    WARM_UP,
                    message.getBytes(StandardCharsets.UTF_8).length,
                    percentile(verdict, 50),
                    percentile(verdict, 95),
                    percentile(health, 50),
                    percentile(health, 95),
                    document + resources,
                    document,
                    resources,
                    decoded);
        }
    }

    /** The INTERPOL letter, then ordinary paragraphs, to 50 KB: a long forwarded thread with the scam in it. */
    static String fiftyKilobytes() {
        String letter = new String(WebServer.fixture("web/interpol.txt"), StandardCharsets.UTF_8);
        StringBuilder text = new StringBuilder(letter);
        int n = 0;
        while (text.length() < 50 * 1024) {
            text.append("\n> Message précédent ")
                    .append(++n)
                    .append(" : merci pour votre réponse, nous revenons vers vous dès que possible concernant le"
                            + " dossier et les pièces demandées la semaine dernière.\n");
        }
        return text.substring(0, 50 * 1024);
    }

    private static double percentile(List<Double> values, int p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
