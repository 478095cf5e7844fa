package fr.vigie.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The shape of the code, checked: the analysis core is pure (no file, socket, database, search index, web server
 * or clock of its own), and each package uses only the packages above it in {@link #ORDER}.
 */
class PackageRulesTest {
    private static final String ROOT = "fr.vigie";

    /** Core packages, in dependency order: each may use the ones before it (and the root package), never after. */
    static final List<String> ORDER = List.of(
            "message",
            "i18n",
            "text",
            "identifier",
            "rules",
            "forensics",
            "harmonise",
            "model",
            "detect",
            "report",
            "link",
            "orient",
            "render");

    private static final List<String> EDGES =
            List.of("app", "cli", "store", "search", "dossier", "http", "bench", "access", "ocr", "web", "oidc");

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);

    private static String[] core() {
        return ORDER.stream().map(p -> ROOT + "." + p + "..").toArray(String[]::new);
    }

    @Test
    void coreOpensNoFileSocketOrDatabase() {
        noClasses()
                .that()
                .resideInAnyPackage(core())
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "java.sql..",
                        "javax.sql..",
                        "java.nio.file..",
                        "java.net.http..",
                        "org.jdbi..",
                        "io.javalin..",
                        "org.eclipse.jetty..",
                        "jakarta.servlet..",
                        "io.micrometer..",
                        "org.apache.lucene..",
                        "com.zaxxer..",
                        "org.flywaydb..")
                .orShould()
                .dependOnClassesThat()
                .haveFullyQualifiedName("java.io.File")
                .orShould()
                .dependOnClassesThat()
                .haveFullyQualifiedName("java.io.FileInputStream")
                .orShould()
                .dependOnClassesThat()
                .haveFullyQualifiedName("java.io.FileOutputStream")
                .orShould()
                .dependOnClassesThat()
                .haveFullyQualifiedName("java.io.RandomAccessFile")
                .orShould()
                .dependOnClassesThat()
                .haveFullyQualifiedName("java.net.Socket")
                .orShould()
                .dependOnClassesThat()
                .haveFullyQualifiedName("java.net.ServerSocket")
                .orShould()
                .dependOnClassesThat()
                .haveFullyQualifiedName("java.net.URLConnection")
                .allowEmptyShould(true)
                .check(CLASSES);
    }

    @Test
    void coreTakesTimeAndChanceAsParameters() {
        noClasses()
                .that()
                .resideInAnyPackage(core())
                .should()
                .callMethod(java.time.Instant.class, "now")
                .orShould()
                .callMethod(java.time.OffsetDateTime.class, "now")
                .orShould()
                .callMethod(java.time.LocalDate.class, "now")
                .orShould()
                .callMethod(java.time.Clock.class, "systemUTC")
                .orShould()
                .callMethod(java.time.Clock.class, "systemDefaultZone")
                .orShould()
                .callMethod(System.class, "currentTimeMillis")
                .orShould()
                .callConstructor(java.util.Random.class)
                .allowEmptyShould(true)
                .check(CLASSES);
    }

    @Test
    void eachCorePackageUsesOnlyThePackagesAboveIt() {
        for (int i = 0; i < ORDER.size(); i++) {
            String[] later = ORDER.subList(i + 1, ORDER.size()).stream()
                    .map(p -> ROOT + "." + p + "..")
                    .toArray(String[]::new);
            String[] edges = EDGES.stream().map(p -> ROOT + "." + p + "..").toArray(String[]::new);
            noClasses()
                    .that()
                    .resideInAPackage(ROOT + "." + ORDER.get(i) + "..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage(concat(later, edges))
                    .allowEmptyShould(true)
                    .check(CLASSES);
        }
    }

    @Test
    void nothingUsesTheCommandLine() {
        noClasses()
                .that()
                .resideOutsideOfPackage(ROOT + ".cli..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage(ROOT + ".cli..")
                .allowEmptyShould(true)
                .check(CLASSES);
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
