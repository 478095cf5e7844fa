package fr.vigie.harmonise;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTextTest {

    @Test
    void scriptsAndStylesAreNotVisibleText() {
        HtmlText.Rendered r = HtmlText.render("<style>p{}</style><script>alert(1)</script><p>Hello</p>");
        assertThat(r.text()).isEqualTo("Hello");
    }

    @Test
    void paragraphsBecomeLinesAndCellsAreSpaced() {
        HtmlText.Rendered r = HtmlText.render("<p>One</p><p>Two</p><table><tr><td>a</td><td>b</td></tr></table>");
        assertThat(r.text()).isEqualTo("One\nTwo\na b");
    }

    @Test
    void linkOffsetsPointAtTheVisibleText() {
        HtmlText.Rendered r = HtmlText.render("<p>Click <a href='https://evil.example/x'>your bank</a> now</p>");
        assertThat(r.links()).singleElement().satisfies(link -> {
            assertThat(link.href()).isEqualTo("https://evil.example/x");
            assertThat(r.text().substring(link.start(), link.end())).isEqualTo("your bank");
        });
    }

    @Test
    void anchorsToTheSamePageAreNotLinks() {
        assertThat(HtmlText.render("<a href='#top'>top</a>").links()).isEmpty();
    }
}
