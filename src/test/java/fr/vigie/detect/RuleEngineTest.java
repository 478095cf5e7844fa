package fr.vigie.detect;

import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.harmonise.Harmonised;
import fr.vigie.rules.RuleFiles;
import fr.vigie.rules.RuleSet;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The engine's behaviour: on a small rule set of its own (gaps, prefixes, caps, composites) and on the bundled one. */
class RuleEngineTest {
    private static final RuleEngine SMALL = new RuleEngine(smallRuleSet());

    @Test
    void gapSpansUpToThreeWords() {
        assertThat(smallIds("Il faut envoyer vite vos trois bitcoin")).contains("GAP_RULE");
        assertThat(smallIds("send bitcoin now")).contains("GAP_RULE");
    }

    @Test
    void gapOfFourWordsIsTooLong() {
        assertThat(smallIds("envoyer un deux trois quatre bitcoin")).doesNotContain("GAP_RULE");
    }

    @Test
    void phraseNeverSpansASentenceEnd() {
        assertThat(smallIds("Il faut envoyer. Bitcoin monte")).doesNotContain("GAP_RULE");
    }

    @Test
    void prefixMatchesOnlyTheStartOfAWord() {
        assertThat(smallIds("Le piratage de votre compte")).contains("PREFIX_RULE");
        assertThat(smallIds("un pirate des Caraïbes")).contains("PREFIX_RULE");
        assertThat(smallIds("the shackles")).doesNotContain("PREFIX_RULE");
    }

    @Test
    void wordsMatchWholeNotInsideOtherWords() {
        assertThat(smallIds("alphabet bravoure")).isEmpty();
    }

    @Test
    void groupCapLimitsWhatOneFamilyAdds() {
        List<RedFlag> flags = SMALL.evaluate(text("charlie bravo alpha"));
        assertThat(flags).extracting(RedFlag::ruleId).contains("CAPPED_A", "CAPPED_B", "CAPPED_C");
        assertThat(SMALL.score(flags).total()).isEqualTo(1.5);
    }

    @Test
    void compositeFiresAfterTheRulesItNames() {
        assertThat(smallIds("alpha")).containsExactly("CAPPED_A", "ALPHA_NOT_BRAVO");
    }

    @Test
    void negatedRuleStopsTheComposite() {
        assertThat(smallIds("alpha bravo")).doesNotContain("ALPHA_NOT_BRAVO");
    }

    @Test
    void deprecatedRuleNeverFires() {
        assertThat(smallIds("obsolete")).isEmpty();
    }

    @Test
    void crossSchemeSignsCountInTheTotalOnly() {
        RuleScore score = SMALL.score(SMALL.evaluate(text("Votre colis, envoyer du bitcoin")));
        assertThat(score.total()).isEqualTo(3.0);
        assertThat(score.byScheme()).containsExactly(Map.entry("delivery", 2.0));
    }

    @Test
    void interpolSenderIsFakeAuthority() {
        List<RedFlag> flags = bundled(MessageFixturesTest.harmonise("fake_authority/interpol_summons_gmail.eml"));
        assertThat(flags)
                .filteredOn(flag -> flag.ruleId().equals("INTERPOL_CLAIM"))
                .singleElement()
                .satisfies(flag -> {
                    assertThat(flag.scheme()).isEqualTo("fake_authority");
                    assertThat(flag.explanationEn()).contains("INTERPOL").contains("never");
                    assertThat(flag.explanationFr()).contains("INTERPOL").contains("jamais");
                    assertThat(flag.evidence())
                            .first()
                            .isEqualTo(new RedFlag.Evidence("header:From", 1, 9, "INTERPOL"));
                });
    }

    @Test
    void friendWhoMentionsThePoliceIsQuiet() {
        List<RedFlag> flags = bundled(MessageFixturesTest.harmonise("fake_authority/friend_mentions_police.txt"));
        assertThat(flags).extracting(RedFlag::scheme).doesNotContain("fake_authority");
    }

    @Test
    void lookAlikeLettersFireAndEvidenceShowsWhatWasWritten() {
        String written = "Ceci est une convocation de l'\u0406NTERP\u041EL\u200B, r\u00e9pondez."; // Cyrillic І and О
        List<RedFlag> flags = bundled(text(written));
        RedFlag.Evidence evidence = flags.stream()
                .filter(flag -> flag.ruleId().equals("INTERPOL_CLAIM"))
                .findFirst()
                .orElseThrow()
                .evidence()
                .getFirst();
        assertThat(evidence.text()).isEqualTo("\u0406NTERP\u041EL");
        assertThat(written.substring(evidence.start(), evidence.end())).isEqualTo(evidence.text());
    }

    @Test
    void wordCutByAZeroWidthSpaceStillFires() {
        assertThat(bundled(text("Envoyez les coupons Trans\u200Bcash avant ce soir")))
                .extracting(RedFlag::ruleId)
                .contains("PAY_BY_COUPON");
    }

    @Test
    void victimsOwnAddressNeverFiresARule() {
        String mail = """
                From: Marc <marc.durand@example.net>
                To: interpol.fan@example.org
                Subject: Photos du week-end
                Message-ID: <1@example.net>
                Date: Mon, 3 Jun 2024 09:00:00 +0200
                Content-Type: text/plain; charset=utf-8

                Salut, je t'envoie les photos sur interpol.fan@example.org comme tu me l'as demande.
                """;
        Harmonised message = Engines.HARMONISER.harmonise(mail.getBytes(StandardCharsets.UTF_8));
        assertThat(message.recipients()).contains("interpol.fan@example.org");
        assertThat(bundled(message)).extracting(RedFlag::ruleId).doesNotContain("INTERPOL_CLAIM");
    }

    @Test
    void sameWordOutsideTheVictimsAddressStillFires() {
        String mail = """
                From: Marc <marc.durand@example.net>
                To: interpol.fan@example.org
                Subject: Convocation
                Message-ID: <2@example.net>
                Date: Mon, 3 Jun 2024 09:00:00 +0200
                Content-Type: text/plain; charset=utf-8

                INTERPOL vous convoque. Ecrivez-nous depuis interpol.fan@example.org.
                """;
        List<RedFlag> flags = bundled(Engines.HARMONISER.harmonise(mail.getBytes(StandardCharsets.UTF_8)));
        assertThat(flags)
                .filteredOn(flag -> flag.ruleId().equals("INTERPOL_CLAIM"))
                .singleElement()
                .satisfies(flag -> assertThat(flag.evidence())
                        .extracting(RedFlag.Evidence::text)
                        .containsExactly("INTERPOL"));
    }

    @Test
    void concurrentCallsSeeTheSameFlags() {
        Harmonised message = MessageFixturesTest.harmonise("sextortion/hacked_webcam_bitcoin.eml");
        List<RedFlag> expected = bundled(message);
        List<List<RedFlag>> results = IntStream.range(0, 64)
                .parallel()
                .mapToObj(i -> bundled(message))
                .toList();
        assertThat(results).allSatisfy(flags -> assertThat(flags).isEqualTo(expected));
    }

    @Test
    void redFlagsInALongMessageAreFoundAtItsEnd() {
        // Cost is measured by `vigie bench`, never by a timed test; this checks that a long text is read whole.
        StringBuilder text = new StringBuilder();
        String paragraph = "Bonjour à toutes et à tous, voici le compte rendu de la réunion de mardi dernier. "
                + "Le budget a été validé par la direction, les équipes se retrouvent la semaine prochaine "
                + "pour préparer le salon et l'accueil des nouveaux collègues. Pensez à réserver vos billets "
                + "de train assez tôt et à envoyer vos notes de frais au service comptable. Merci à tous pour "
                + "votre travail, et bonne fin de semaine. Dear colleagues, please find the minutes attached. ";
        for (int i = 0; text.length() < 50_000; i++) {
            text.append(paragraph).append("Réunion n°").append(i).append(" le 12/06. ");
        }
        Harmonised message = text(text + " Convocation INTERPOL : payez en coupons PCS sous 48 heures.");
        assertThat(bundled(message)).extracting(RedFlag::ruleId).contains("INTERPOL_CLAIM", "DEADLINE_HOURS");
    }

    private static List<String> smallIds(String text) {
        return SMALL.evaluate(text(text)).stream().map(RedFlag::ruleId).toList();
    }

    private static List<RedFlag> bundled(Harmonised message) {
        return Engines.ENGINE.evaluate(message);
    }

    private static Harmonised text(String text) {
        return Engines.HARMONISER.harmoniseText(text);
    }

    private static RuleSet smallRuleSet() {
        return RuleFiles.parse(
                Map.of(
                        "groups.json", resource("groups.json"),
                        "composites.json", resource("composites.json"),
                        "engine_rules.json", resource("engine_rules.json")),
                Map.of());
    }

    private static String resource(String name) {
        try (InputStream in = RuleEngineTest.class.getResourceAsStream("/detect/engine/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
