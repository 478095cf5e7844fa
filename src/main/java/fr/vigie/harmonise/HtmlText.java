package fr.vigie.harmonise;

import fr.vigie.message.Link;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * Renders HTML as the text a person sees, keeping each link's real target beside the visible text it hides
 * behind (the classic phishing trick: the text says one site, the link goes to another). Scripts, styles and
 * hidden-by-markup elements do not count as visible text.
 */
final class HtmlText {
    private HtmlText() {}

    record Rendered(String text, List<Link> links) {}

    static Rendered render(String html) {
        Document document = Jsoup.parse(html);
        Renderer renderer = new Renderer();
        NodeTraversor.filter(renderer, document.body() != null ? document.body() : document);
        return new Rendered(renderer.text.toString().stripTrailing(), renderer.links);
    }

    private static final class Renderer implements NodeFilter {
        /** Never shown: skipped whole as the walk meets them (removing them first was a walk of its own). */
        private static final java.util.Set<String> UNSEEN =
                java.util.Set.of("script", "style", "head", "noscript", "template");

        private static final java.util.Set<String> BLOCKS = java.util.Set.of(
                "p",
                "div",
                "br",
                "tr",
                "li",
                "h1",
                "h2",
                "h3",
                "h4",
                "h5",
                "h6",
                "table",
                "ul",
                "ol",
                "blockquote",
                "section",
                "article",
                "header",
                "footer",
                "hr",
                "pre",
                "center",
                "form",
                "dd",
                "dt");
        final StringBuilder text = new StringBuilder();
        final List<Link> links = new ArrayList<>();
        private final java.util.ArrayDeque<int[]> openLinks = new java.util.ArrayDeque<>();
        private final java.util.ArrayDeque<String> openHrefs = new java.util.ArrayDeque<>();

        @Override
        public FilterResult head(Node node, int depth) {
            if (node instanceof TextNode t) {
                appendWholeText(t.getWholeText());
            } else if (node instanceof Element e) {
                String name = e.normalName();
                if (UNSEEN.contains(name)) {
                    return FilterResult.SKIP_ENTIRELY;
                }
                if (BLOCKS.contains(name)) {
                    newLine();
                } else if (name.equals("td") || name.equals("th")) {
                    space();
                }
                if (name.equals("a") && e.hasAttr("href")) {
                    openLinks.push(new int[] {text.length()});
                    openHrefs.push(e.attr("href").strip());
                } else if (name.equals("img") && !e.attr("alt").isBlank()) {
                    appendText(e.attr("alt"));
                }
            }
            return FilterResult.CONTINUE;
        }

        @Override
        public FilterResult tail(Node node, int depth) {
            if (node instanceof Element e) {
                String name = e.normalName();
                if (name.equals("a") && e.hasAttr("href") && !openLinks.isEmpty()) {
                    int start = openLinks.pop()[0];
                    String href = openHrefs.pop();
                    int end = trimmedEnd(start);
                    if (!href.isEmpty() && !href.startsWith("#")) {
                        links.add(new Link(href, Math.min(start, end), end));
                    }
                }
                if (BLOCKS.contains(name)) {
                    newLine();
                }
            }
            return FilterResult.CONTINUE;
        }

        private int trimmedEnd(int start) {
            int end = text.length();
            while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
                end--;
            }
            return end;
        }

        /**
         * What {@code appendText(t.text())} gives, without the String that {@link TextNode#text()} makes per node:
         * jsoup there collapses whitespace (which {@link #appendText} does again) and drops the zero-width space
         * and the soft hyphen, which is all this adds.
         */
        private void appendWholeText(String s) {
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '\u200b' || c == '\u00ad') {
                    continue;
                }
                if (Character.isWhitespace(c) || c == '\u00a0') {
                    space();
                } else {
                    text.append(c);
                }
            }
        }

        private void appendText(String s) {
            // Collapse runs of whitespace (and no-break spaces) to one space, as a browser shows them.
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (Character.isWhitespace(c) || c == '\u00a0') {
                    space();
                } else {
                    text.append(c);
                }
            }
        }

        private void space() {
            int len = text.length();
            if (len > 0 && text.charAt(len - 1) != ' ' && text.charAt(len - 1) != '\n') {
                text.append(' ');
            }
        }

        private void newLine() {
            int len = text.length();
            while (len > 0 && text.charAt(len - 1) == ' ') {
                text.setLength(--len);
            }
            if (len > 0 && text.charAt(len - 1) != '\n') {
                text.append('\n');
            }
        }
    }
}
