package fr.vigie.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import fr.vigie.BadInputException;
import fr.vigie.i18n.Lang;
import fr.vigie.store.Store.Indexable;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SearchIndexTest {
    static final Indexable SUMMONS = new Indexable(
            "VG-FR0001",
            Lang.FR,
            "J'ai reçu une CONVOCATION JUDICIAIRE par courriel : un arrêté du tribunal me demandait de payer l'amende.",
            List.of());
    static final Indexable PARCEL = new Indexable(
            "VG-EN0001",
            Lang.EN,
            "I paid the fee they asked for.",
            List.of("Your parcel is held at customs. Pay the delivery fees within 24 hours."));
    /** A French victim who received an English message: the message is found in English too. */
    static final Indexable ROMANCE = new Indexable(
            "VG-FR0002",
            Lang.FR,
            "Un militaire rencontré sur un site de rencontre m'a demandé des cartes cadeaux.",
            List.of("My darling, I need gift cards to pay for my flight home."));

    @TempDir
    Path dir;

    SearchIndex index;

    @BeforeEach
    void open() {
        index = SearchIndex.open(dir.resolve("index"));
        index.add(SUMMONS);
        index.add(PARCEL);
        index.add(ROMANCE);
    }

    @AfterEach
    void close() {
        index.close();
    }

    @Test
    void aFrenchQueryFindsAFrenchNarrativeWhateverTheAccentsCaseAndPlural() {
        assertThat(index.search("convocation judiciaire", 10)).containsExactly("VG-FR0001");
        assertThat(index.search("Convocations Judiciaires", 10)).containsExactly("VG-FR0001");
        assertThat(index.search("arrete", 10)).containsExactly("VG-FR0001");
        assertThat(index.search("ARRÊTÉS", 10)).containsExactly("VG-FR0001");
        assertThat(index.search("amendes", 10)).containsExactly("VG-FR0001");
        assertThat(index.search("\"convocation judiciaire\"", 10)).containsExactly("VG-FR0001");
        assertThat(index.search("carte cadeau", 10)).containsExactly("VG-FR0002");
    }

    @Test
    void anEnglishQueryFindsEnglishMessageText() {
        assertThat(index.search("parcels held", 10)).containsExactly("VG-EN0001");
        assertThat(index.search("paying delivery fee", 10)).containsExactly("VG-EN0001");
        assertThat(index.search("gift card", 10)).containsExactly("VG-FR0002");
    }

    @Test
    void everyWordMustBeFoundUnlessTheQuerySaysOr() {
        assertThat(index.search("convocation parcel", 10)).isEmpty();
        assertThat(index.search("convocation | parcel", 10)).containsExactlyInAnyOrder("VG-FR0001", "VG-EN0001");
        assertThat(index.search("pay", 10)).contains("VG-EN0001", "VG-FR0002");
        assertThat(index.search("pay", 1)).hasSize(1);
    }

    @Test
    void aReportIsFoundRightAfterItIsAddedWithoutReopening() {
        assertThat(index.search("crypto", 10)).isEmpty();

        index.add(new Indexable("VG-FR0003", Lang.FR, "Un faux conseiller crypto m'a fait investir.", List.of()));

        assertThat(index.search("crypto", 10)).containsExactly("VG-FR0003");
    }

    @Test
    void reportsAddedInBulkAreFoundOnceCommittedAndAfterReopening() {
        index.addBulk(List.of(
                new Indexable("VG-FR0003", Lang.FR, "Un faux conseiller crypto m'a fait investir.", List.of()),
                new Indexable("VG-FR0001", Lang.FR, "Un faux support technique.", List.of())));

        index.commit();

        assertThat(index.search("crypto", 10)).containsExactly("VG-FR0003");
        assertThat(index.search("convocation", 10)).isEmpty();
        assertThat(index.count()).isEqualTo(4);
        index.addBulk(List.of(new Indexable("VG-FR0004", Lang.FR, "Un faux plombier m'a arnaqué.", List.of())));
        index.close();
        index = SearchIndex.open(dir.resolve("index"));
        assertThat(index.search("plombier", 10)).containsExactly("VG-FR0004");
    }

    @Test
    void addingAReportAgainReplacesItsText() {
        index.add(new Indexable("VG-FR0001", Lang.FR, "Un faux support technique.", List.of()));

        assertThat(index.search("convocation", 10)).isEmpty();
        assertThat(index.search("support technique", 10)).containsExactly("VG-FR0001");
        assertThat(index.count()).isEqualTo(3);
    }

    @Test
    void theIndexSurvivesCloseAndReopen() {
        index.close();

        index = SearchIndex.open(dir.resolve("index"));

        assertThat(index.count()).isEqualTo(3);
        assertThat(index.search("convocation", 10)).containsExactly("VG-FR0001");
    }

    @Test
    void aSecondOpeningOfTheSameFolderIsRefusedPlainly() {
        assertThatThrownBy(() -> SearchIndex.open(dir.resolve("index")))
                .isInstanceOf(fr.vigie.VigieException.class)
                .hasMessageContaining("in use by another Vigie process");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "*", "\u0000", "\"", "-", "|+-~*()"})
    void aQueryWithoutAWordIsBadInput(String query) {
        assertThatThrownBy(() -> index.search(query, 10))
                .isInstanceOfSatisfying(
                        BadInputException.class, e -> assertThat(e.code()).isEqualTo("query"));
    }

    @Test
    void aNullOrOverlongQueryIsBadInput() {
        assertThatThrownBy(() -> index.search(null, 10)).isInstanceOf(BadInputException.class);
        assertThatThrownBy(() -> index.search("convocation ".repeat(834), 10))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("longer than 1000 characters");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "\"unbalanced",
                "AND",
                "OR NOT",
                "convocation AND",
                "(convocation",
                "convocation)",
                "convocation~",
                "convocation~99",
                "\"convocation judiciaire\"~",
                "a* b* c* d* e*",
                "\\",
                "convocation\\",
                "c\u0000onvocation",
                "title:convocation",
                "id:VG-FR0001",
                "\uD800convocation",
                "l'",
                "le la les"
            })
    void aMalformedQueryNeverThrowsAnythingButBadInput(String query) {
        Throwable thrown = catchThrowable(
                () -> assertThat(index.search(query, 10)).isSubsetOf("VG-FR0001", "VG-EN0001", "VG-FR0002"));
        if (thrown != null) {
            assertThat(thrown).isInstanceOf(BadInputException.class);
        }
    }

    @Test
    void aQueryOfManyWordsUnderTheLengthLimitIsAnsweredOrRefusedPlainly() {
        StringBuilder words = new StringBuilder();
        for (int i = 0; words.length() < SearchIndex.MAX_QUERY_CHARS - 10; i++) {
            words.append('w').append(i).append("* ");
        }
        Throwable thrown = catchThrowable(() -> index.search(words.toString(), 10));
        if (thrown != null) {
            assertThat(thrown).isInstanceOf(BadInputException.class);
        }
        assertThat(index.search("l'arrêté", 10)).containsExactly("VG-FR0001");
    }
}
