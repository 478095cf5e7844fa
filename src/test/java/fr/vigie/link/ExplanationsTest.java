package fr.vigie.link;

import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.app.App;
import fr.vigie.i18n.Lang;
import fr.vigie.i18n.Texts;
import fr.vigie.identifier.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ExplanationsTest {

    @Test
    void everyKindEveryNeverLinkListAndEveryComputedReasonHasItsWordsInBothLanguages() {
        List<String> keys = new ArrayList<>(List.of("link.common", "link.template"));
        for (Kind kind : Kind.values()) {
            keys.add("link.same." + kind.id());
        }
        App.NEVER_LINK_LISTS.forEach(list -> keys.add(new NeverReason(list).textKey()));
        for (NeverReason reason : List.of(
                NeverReason.PRIVATE_IP,
                NeverReason.NO_ORGANISATION,
                NeverReason.VICTIM,
                NeverReason.UNIT,
                NeverReason.CARD)) {
            keys.add(reason.textKey());
        }
        for (Lang lang : Lang.values()) {
            assertThat(keys)
                    .allSatisfy(key -> assertThat(Texts.of(lang).has(key))
                            .as("%s in %s", key, lang)
                            .isTrue());
        }
    }

    @Test
    void aValueThatNeverLinksSaysWhy() {
        Posting posting = LinkerTest.LINKER.post(0, List.of(Desk.id("192.168.1.20")), Set.of(), List.of());
        var entry = posting.never().entrySet().iterator().next();

        assertThat(Explanations.of(Lang.FR).never(entry.getKey(), entry.getValue()))
                .isEqualTo("IP 192.168.1.20 : adresse privée ou réservée, sans sens hors d'un réseau local ;"
                        + " ne relie jamais des signalements.");
        assertThat(Explanations.of(Lang.EN).never(entry.getKey(), entry.getValue()))
                .isEqualTo("IP 192.168.1.20: a private or reserved address, meaningless outside a local network;"
                        + " never links reports.");
    }

    @Test
    void aTemplateMatchSaysHowNear() {
        assertThat(Explanations.of(Lang.EN).template(new Linked.TemplateMatch(4, 0)))
                .isEqualTo("same message template (identical fingerprint)");
        assertThat(Explanations.of(Lang.FR).template(new Linked.TemplateMatch(4, 2)))
                .isEqualTo("même modèle de message (empreinte à 2 bits près)");
    }

    @Test
    void aLinkShowsALinkDefangedAndLargeCountsGrouped() {
        Decision.Links links = new Decision.Links(Desk.id("https://secure-ameli.fr/login"), 12_000, 0.4, true);
        assertThat(Explanations.of(Lang.EN).explain(links))
                .isEqualTo("same link hxxps://secure-ameli[.]fr/login, seen in 12,000 reports");
    }
}
