package fr.vigie.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.openqa.selenium.Dimension;

/**
 * Chat screenshots whose true text is known: a fixture under {@code web/chats/} (one bubble a line, {@code <} for the
 * other person on the left, {@code >} for the owner on the right) is laid out as a messaging app does and
 * photographed by Chromium at a phone's width and pixel ratio.
 */
final class ChatScreenshots {
    static final List<String> CHATS =
            List.of("fr-banque", "fr-colis", "fr-crypto", "en-bank", "en-romance", "en-investment");

    record Chat(String name, String text, byte[] png) {}

    private ChatScreenshots() {}

    static List<String> bubbles(String name) {
        String fixture = new String(WebServer.fixture("web/chats/" + name + ".txt"), StandardCharsets.UTF_8);
        return fixture.lines().filter(l -> l.length() > 2).toList();
    }

    /** The text as a person would paste it: one bubble a line, top to bottom. */
    static String trueText(String name) {
        List<String> lines = new ArrayList<>();
        bubbles(name).forEach(b -> lines.add(b.substring(2)));
        return String.join("\n", lines) + "\n";
    }

    static Chat render(Browser browser, String name) {
        StringBuilder html = new StringBuilder("<!doctype html><html><head><meta charset=utf-8><style>"
                + "body{font-family:'DejaVu Sans',sans-serif;background:#e5ddd5;margin:0;padding:12px;font-size:16px}"
                + ".b{max-width:78%;padding:8px 12px;border-radius:10px;margin:8px 0;clear:both;line-height:1.35;"
                + "overflow-wrap:anywhere}.in{background:#fff;float:left}.out{background:#dcf8c6;float:right}"
                + "</style></head><body>");
        for (String bubble : bubbles(name)) {
            html.append("<div class=\"b ")
                    .append(bubble.startsWith(">") ? "out" : "in")
                    .append("\">")
                    .append(bubble.substring(2).replace("&", "&amp;").replace("<", "&lt;"))
                    .append("</div>");
        }
        html.append("</body></html>");
        try {
            Path page = Files.createTempFile("vigie-chat-", ".html");
            try {
                Files.writeString(page, html);
                browser.driver.manage().window().setSize(new Dimension(390, 844));
                browser.driver.get(page.toUri().toString());
                return new Chat(name, trueText(name), browser.screenshot());
            } finally {
                Files.deleteIfExists(page);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
