package fr.vigie.http;

import io.javalin.http.Context;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The server's Prometheus metrics: every request timed by method, route and status, and the JVM basics. One
 * registry per server (not the global one) so that tests can run several servers side by side.
 */
final class Metrics implements AutoCloseable {
    /** Methods kept as a tag value; any other becomes OTHER so that a client cannot invent time series. */
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();

    Metrics() {
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    /** @param route the route template ({@code /api/check}), or {@code unmatched}: never the raw path */
    void record(String method, String route, int status, long nanos) {
        Timer.builder("http.server.requests")
                .description("HTTP requests by method, route and status")
                .tags("method", METHODS.contains(method) ? method : "OTHER", "route", route, "status", status + "")
                .register(registry)
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    /** {@code GET /metrics}: the Prometheus text exposition format. */
    void scrape(Context ctx) {
        ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                .result(registry.scrape().getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
