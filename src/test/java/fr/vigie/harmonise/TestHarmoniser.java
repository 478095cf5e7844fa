package fr.vigie.harmonise;

import fr.vigie.app.App;
import fr.vigie.app.Config;
import java.nio.file.Path;

/** The harmoniser as the application wires it (bundled lists, no DNS), and where the shared corpora are. */
final class TestHarmoniser {
    private TestHarmoniser() {}

    static Harmoniser create() {
        return new App(Config.defaults()).harmoniser();
    }

    static Path sharedData() {
        return Path.of(System.getProperty("vigie.shared.data", "../shared/data"));
    }
}
