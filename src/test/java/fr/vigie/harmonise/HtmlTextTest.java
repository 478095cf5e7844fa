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

    @Test
    void invisibleCharactersAndWhitespaceRunsReadAsTheBrowserShowsThem() {
        // zero-width space and soft hyphen vanish inside words, no-break and em spaces count as spaces, and an
        // image's alt text is taken as written
        HtmlText.Rendered r = HtmlText.render("<p>pay\u200bpal \u00a0\u00a0 se\u00adcure\t\n now\u2003 \u2003here</p>"
                + "<img alt='  lo\u200bgo  '>");
        assertThat(r.text()).isEqualTo("paypal secure now here\nlo\u200bgo");
    }

    @Test
    void linkOffsetsStayRightAfterInvisibleCharacters() {
        HtmlText.Rendered r =
                HtmlText.render("<p>\u200b\u00ad Go <a href='https://x.example/'>\u200bhere\u00ad </a>.</p>");
        assertThat(r.text()).isEqualTo("Go here .");
        assertThat(r.links())
                .singleElement()
                .satisfies(link ->
                        assertThat(r.text().substring(link.start(), link.end())).isEqualTo("here"));
    }
}
