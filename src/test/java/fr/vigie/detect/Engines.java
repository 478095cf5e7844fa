package fr.vigie.detect;

import fr.vigie.app.App;
import fr.vigie.app.Config;
import fr.vigie.harmonise.Harmoniser;

/** The application's harmoniser and rule engine over the bundled rules, built once for all tests. */
final class Engines {
    static final App APP = new App(Config.defaults());
    static final Harmoniser HARMONISER = APP.harmoniser();
    static final RuleEngine ENGINE = APP.ruleEngine();

    private Engines() {}
}
