package fr.vigie.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.vigie.InvalidDataFileException;
import fr.vigie.app.App;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

/** One test per check of the rule-file validator, each on a small invalid file under src/test/resources/rules/. */
class RuleFilesTest {
    private static final WarningList SHORTENERS = new WarningList(
            "url-shorteners", "Shorteners", 20261128, "hostname", "test", "2026-11-28", List.of("bit.ly"));

    @Test
    void bundledRulesLoadAndValidate() {
        RuleSet rules = App.ruleSet();
        assertThat(rules.rules()).hasSizeGreaterThan(60);
        assertThat(rules.composites()).isNotEmpty();
        assertThat(rules.rules()).extracting(Rule::scheme).contains("fake_authority", "sextortion", "job", "any");
    }

    @Test
    void bundledDataPassesTheRulesCheckCommand() {
        assertThat(App.checkData())
                .isEqualTo(App.LISTS.size() + App.RULE_FILES.size() + 1 + App.ROUTING_TABLES.size()); // + advice
    }

    @Test
    void everyTaxonomySchemeBesidesSpamAndLegitimateHasRules() {
        List<String> schemes = App.ruleSet().rules().stream().map(Rule::scheme).toList();
        assertThat(schemes)
                .contains(
                        "fake_authority",
                        "sextortion",
                        "romance",
                        "recovery",
                        "advance_fee",
                        "lottery",
                        "phishing",
                        "delivery",
                        "bank_impersonation",
                        "tech_support",
                        "investment",
                        "job");
    }

    @Test
    void everyIdEverShippedIsStillThere() {
        RuleSet rules = App.ruleSet();
        List<String> present = new java.util.ArrayList<>();
        rules.rules().forEach(rule -> present.add(rule.id()));
        rules.composites().forEach(composite -> present.add(composite.id()));
        List<String> shipped = fixture("shipped-ids.txt")
                .lines()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .toList();
        assertThat(present).containsAll(shipped);
    }

    @Test
    void validFixtureParsesWithItsComposite() {
        RuleSet rules = parse("valid.json", "valid.json", "composites.json", "composites.json");
        assertThat(rules.rules()).extracting(Rule::id).containsExactly("INTERPOL_CLAIM", "POLICE_CLAIM");
        assertThat(rules.composites().getFirst().expression().ids()).containsExactly("INTERPOL_CLAIM", "POLICE_CLAIM");
        assertThat(rules.composites().getFirst().expression().positiveIds())
                .containsExactly("INTERPOL_CLAIM", "POLICE_CLAIM");
    }

    @Test
    void unknownFieldIsRefused() {
        refused("unknown_field.json").hasMessageContaining("POLICE_CLAIM").hasMessageContaining("'wieght'");
    }

    @Test
    void idUsedInTwoFilesIsRefused() {
        assertThatThrownBy(() -> parse("valid.json", "valid.json", "duplicate_id.json", "duplicate_id.json"))
                .isInstanceOf(InvalidDataFileException.class)
                .hasMessageContaining("INTERPOL_CLAIM")
                .hasMessageContaining("already used in duplicate_id.json");
    }

    @Test
    void regexThatDoesNotCompileIsRefused() {
        refused("bad_regex.json").hasMessageContaining("POLICE_CLAIM").hasMessageContaining("does not compile");
    }

    @Test
    void upperCaseRegexIsRefusedBecauseItNeverMatchesNormalisedText() {
        refused("upper_case_regex.json").hasMessageContaining("upper-case");
    }

    @Test
    void regexThatMatchesNoDigitIsRefusedBecauseItWouldNeverRun() {
        refused("regex_without_digits.json").hasMessageContaining("regex rules run only around digits");
    }

    @Test
    void regexWithABackReferenceIsRefusedBecauseRegexesAreJoined() {
        refused("regex_back_reference.json").hasMessageContaining("back-reference");
    }

    @Test
    void missingEnglishExplanationIsRefused() {
        refused("missing_en.json").hasMessageContaining("POLICE_CLAIM").hasMessageContaining("explanation.en");
    }

    @Test
    void blankEnglishExplanationIsRefused() {
        refused("blank_en.json").hasMessageContaining("explanation.en");
    }

    @Test
    void phraseListWithoutEnglishIsRefused() {
        refused("phrases_missing_en.json").hasMessageContaining("phrases.en");
    }

    @Test
    void phrasesInAnotherSupportedLanguageAreKeptBesideFrenchAndEnglish() {
        RuleSet rules = parse("phrases_in_german.json", "phrases_in_german.json");
        Matcher.Phrases phrases = (Matcher.Phrases) rules.rules().getFirst().matcher();
        assertThat(phrases.byLanguage()).containsOnlyKeys("fr", "en", "de");
        assertThat(phrases.byLanguage().get("de")).containsExactly("bundespolizei");
    }

    @Test
    void phrasesInALanguageOutsideTheListAreRefusedNamingIt() {
        refused("phrases_in_unknown_language.json").hasMessageContaining("'ru'");
    }

    @Test
    void phrasesOutOfOrderAreRefusedNamingThePhrase() {
        refused("phrases_out_of_order.json").hasMessageContaining("'gendarmerie' is out of order");
    }

    @Test
    void phraseRepeatedAfterNormalisationIsRefused() {
        refused("phrases_repeated.json").hasMessageContaining("'POLICE NATIONALE'");
    }

    @Test
    void phraseStartingWithAGapIsRefused() {
        refused("phrase_leading_gap.json").hasMessageContaining("starts or ends with a gap");
    }

    @Test
    void textRuleWithoutQuietExampleIsRefused() {
        refused("missing_quiet.json").hasMessageContaining("POLICE_CLAIM").hasMessageContaining("'quiet'");
    }

    @Test
    void textRuleWithoutFiringExampleIsRefused() {
        refused("missing_fires.json").hasMessageContaining("'fires'");
    }

    @Test
    void lowerCaseIdIsRefused() {
        refused("lower_case_id.json").hasMessageContaining("'police_claim' must be UPPER_SNAKE_CASE");
    }

    @Test
    void schemeOutsideTheTaxonomyIsRefused() {
        refused("unknown_scheme.json").hasMessageContaining("'fake_police' is not in the taxonomy");
    }

    @Test
    void groupMissingFromGroupsFileIsRefused() {
        refused("unknown_group.json").hasMessageContaining("group 'nowhere' is not in");
    }

    @Test
    void weightThatIsNotANumberIsRefused() {
        refused("weight_not_number.json").hasMessageContaining("weight must be a finite number");
    }

    @Test
    void rulesOutOfOrderAreRefusedAsNotCanonical() {
        refused("rules_out_of_order.json")
                .hasMessageStartingWith("rules_out_of_order.json")
                .hasMessageContaining("ALPHA_CLAIM is out of order");
    }

    @Test
    void ruleWithTwoMatchersIsRefused() {
        refused("two_matchers.json").hasMessageContaining("exactly one matcher");
    }

    @Test
    void unknownIdentifierKindIsRefused() {
        refused("unknown_identifier_kind.json").hasMessageContaining("'bitcoin' is unknown");
    }

    @Test
    void linkRuleNamingAMissingListIsRefused() {
        refused("unknown_link_list.json").hasMessageContaining("'no-such-list'");
    }

    @Test
    void unknownAuthenticationMethodIsRefused() {
        refused("unknown_auth_method.json").hasMessageContaining("'bimi'");
    }

    @Test
    void compositeNamingAMissingRuleIsRefused() {
        assertThatThrownBy(() -> parse("valid.json", "valid.json", "composites.json", "composite_missing_id.json"))
                .isInstanceOf(InvalidDataFileException.class)
                .hasMessageStartingWith("composites.json")
                .hasMessageContaining("INTERPOL_AND_GHOST")
                .hasMessageContaining("'NO_SUCH_RULE'");
    }

    @Test
    void compositeThatDoesNotParseIsRefused() {
        assertThatThrownBy(() -> parse("valid.json", "valid.json", "composites.json", "composite_bad_syntax.json"))
                .isInstanceOf(InvalidDataFileException.class)
                .hasMessageContaining("INTERPOL_AND")
                .hasMessageContaining("missing ')'");
    }

    @Test
    void fileThatIsNotJsonIsRefusedWithItsLine() {
        refused("not_json.json").hasMessageStartingWith("not_json.json").hasMessageContaining("line 1");
    }

    @Test
    void missingGroupsFileIsRefused() {
        assertThatThrownBy(() -> RuleFiles.parse(Map.of("valid.json", fixture("valid.json")), Map.of()))
                .isInstanceOf(InvalidDataFileException.class)
                .hasMessageStartingWith("groups.json");
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> refused(String fixture) {
        return assertThatThrownBy(() -> parse(fixture, fixture))
                .isInstanceOf(InvalidDataFileException.class)
                .hasMessageStartingWith(fixture);
    }

    /** Parses the fixture groups.json plus the given (file name, fixture) pairs. */
    private static RuleSet parse(String... nameThenFixture) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("groups.json", fixture("groups.json"));
        for (int i = 0; i < nameThenFixture.length; i += 2) {
            files.put(nameThenFixture[i], fixture(nameThenFixture[i + 1]));
        }
        return RuleFiles.parse(files, Map.of(SHORTENERS.name(), SHORTENERS));
    }

    private static String fixture(String name) {
        try (InputStream in = RuleFilesTest.class.getResourceAsStream("/rules/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
