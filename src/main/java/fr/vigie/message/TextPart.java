package fr.vigie.message;

import java.util.List;

/**
 * A readable part of the message as text. {@code index} is 1-based and names the part in {@link Span}s
 * ({@code body:<index>}); {@code fromHtml} says the text was rendered from HTML, {@code links} then holds the
 * real targets behind the visible text.
 */
public record TextPart(int index, String contentType, String charset, boolean fromHtml, String text, List<Link> links) {
    public TextPart {
        links = List.copyOf(links);
    }

    public String name() {
        return "body:" + index;
    }
}
