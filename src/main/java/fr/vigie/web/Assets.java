package fr.vigie.web;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * The files the pages load, all from this server: the style sheet, the small script that moves focus after an
 * in-place update, and htmx from its WebJar. Each address carries a digest of the content, so that a browser may keep
 * it a year ({@code immutable}) and still never runs an old copy after an upgrade.
 */
public final class Assets {
    static final String HTMX_VERSION = "2.0.8";
    private static final String HTMX = "/META-INF/resources/webjars/htmx.org/" + HTMX_VERSION + "/dist/htmx.min.js";

    private record Asset(String contentType, byte[] bytes) {}

    private final Map<String, Asset> byName;
    private final String css;
    private final String script;
    private final String htmx;

    Assets() {
        byte[] cssBytes = resource("/fr/vigie/web/vigie.css");
        byte[] jsBytes = resource("/fr/vigie/web/vigie.js");
        byte[] htmxBytes = resource(HTMX);
        css = "vigie." + digest(cssBytes) + ".css";
        script = "vigie." + digest(jsBytes) + ".js";
        htmx = "htmx-" + HTMX_VERSION + "." + digest(htmxBytes) + ".min.js";
        byName = Map.of(
                css, new Asset("text/css; charset=utf-8", cssBytes),
                script, new Asset("text/javascript; charset=utf-8", jsBytes),
                htmx, new Asset("text/javascript; charset=utf-8", htmxBytes));
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
