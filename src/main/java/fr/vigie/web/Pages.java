package fr.vigie.web;

import fr.vigie.i18n.Lang;
import fr.vigie.i18n.Texts;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** Renders a page: its template (compiled at build time) with the frame's words and assets, and its headers. */
final class Pages {
    /** The pages load only what this server sends; forms post only here; nothing may frame them. */
    static final String CSP = "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none';"
            + " form-action 'self'; frame-ancestors 'none'";

    private final Assets assets = new Assets();
    private final TemplateEngine templates = TemplateEngine.createPrecompiled(ContentType.Html);

    Assets assets() {
        return assets;
    }

    /** A page's frame; {@code otherLanguageHref} is the same page in the other language (the switch). */
    Page page(Lang lang, String titleKey, String otherLanguageHref) {
        Texts t = Texts.of(lang);
        return new Page(lang, t, assets, t.get(titleKey), otherLanguageHref);
    }

    void render(Context ctx, int status, String template, Page page, Map<String, Object> params) {
        Map<String, Object> all = new HashMap<>(params);
        all.put("page", page);
        StringOutput out = new StringOutput();
        templates.render(template, all, out);
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("Content-Language", page.lang().id());
        ctx.header("Vary", "Accept-Language, HX-Request");
        ctx.status(status)
                .contentType("text/html; charset=utf-8")
                .result(out.toString().getBytes(StandardCharsets.UTF_8));
    }
}
