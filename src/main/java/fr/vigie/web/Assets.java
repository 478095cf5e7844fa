package fr.vigie.web;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * The files the pages load, all from this server: the style sheets, the small scripts (focus after an in-place
 * update; the console's graph and chart), and htmx, Cytoscape.js and uPlot from their WebJars. Each address carries
 * a digest of the content, so that a browser may keep it a year ({@code immutable}) and still never runs an old copy
 * after an upgrade.
 */
public final class Assets {
    static final String HTMX_VERSION = "2.0.8";
    static final String CYTOSCAPE_VERSION = "3.33.1";
    static final String UPLOT_VERSION = "1.6.30";
    private static final String WEBJARS = "/META-INF/resources/webjars/";

    private record Asset(String contentType, byte[] bytes) {}

    private final Map<String, Asset> byName = new HashMap<>();
    private final String css;
    private final String script;
    private final String htmx;
    private final String consoleCss;
    private final String consoleScript;
    private final String cytoscape;
    private final String uplot;
    private final String uplotCss;

    Assets() {
        css = add("vigie", ".css", "/fr/vigie/web/vigie.css");
        script = add("vigie", ".js", "/fr/vigie/web/vigie.js");
        htmx = add("htmx-" + HTMX_VERSION, ".min.js", WEBJARS + "htmx.org/" + HTMX_VERSION + "/dist/htmx.min.js");
        consoleCss = add("console", ".css", "/fr/vigie/web/console.css");
        consoleScript = add("console", ".js", "/fr/vigie/web/console.js");
        cytoscape = add(
                "cytoscape-" + CYTOSCAPE_VERSION,
                ".min.js",
                WEBJARS + "cytoscape/" + CYTOSCAPE_VERSION + "/dist/cytoscape.min.js");
        uplot = add(
                "uplot-" + UPLOT_VERSION, ".min.js", WEBJARS + "uplot/" + UPLOT_VERSION + "/dist/uPlot.iife.min.js");
        uplotCss =
                add("uplot-" + UPLOT_VERSION, ".min.css", WEBJARS + "uplot/" + UPLOT_VERSION + "/dist/uPlot.min.css");
    }

    /** Registers a resource under its name with its digest; returns the name. */
    private String add(String base, String extension, String resource) {
        byte[] bytes = resource(resource);
        String name = base + "." + digest(bytes) + extension;
        String type = extension.endsWith(".css") ? "text/css; charset=utf-8" : "text/javascript; charset=utf-8";
        byName.put(name, new Asset(type, bytes));
        return name;
    }

    public String css() {
        return "/assets/" + css;
    }

    public String script() {
        return "/assets/" + script;
    }

    public String htmx() {
        return "/assets/" + htmx;
    }

    public String consoleCss() {
        return "/assets/" + consoleCss;
    }

    public String consoleScript() {
        return "/assets/" + consoleScript;
    }

    public String cytoscape() {
        return "/assets/" + cytoscape;
    }

    public String uplot() {
        return "/assets/" + uplot;
    }

    public String uplotCss() {
        return "/assets/" + uplotCss;
    }

    /** {@code GET /assets/{name}}: an unknown name (or an old digest) is a plain 404. */
    void serve(Context ctx) {
        Asset asset = byName.get(ctx.pathParam("name"));
        if (asset == null) {
            ctx.status(404).contentType("text/plain; charset=utf-8").result("not found");
            return;
        }
        ctx.header("Cache-Control", "public, max-age=31536000, immutable");
        ctx.status(200).contentType(asset.contentType()).result(asset.bytes());
    }

    private static String digest(byte[] bytes) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(bytes))
                    .substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static byte[] resource(String path) {
        try (InputStream in = Assets.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is missing from the application");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
