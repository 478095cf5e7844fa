package fr.vigie.harmonise;

import com.code_intelligence.jazzer.junit.FuzzTest;
import fr.vigie.BadInputException;
import fr.vigie.app.App;
import fr.vigie.app.Config;
import fr.vigie.detect.Detector;

/**
 * Whatever bytes arrive, a check either answers or refuses them with a {@link BadInputException}: any other
 * exception is a bug. The whole check runs: MIME, headers, identifiers, then rules and model. {@code ./vigie test}
 * replays the seeds in {@code src/test/resources/fr/vigie/harmonise/HarmoniserFuzzTestInputs/} and fuzzes for 30 s;
 * {@code JAZZER_FUZZ=1} alone explores.
 */
class HarmoniserFuzzTest {
    private static final App APP = new App(Config.defaults());
    private static final Harmoniser HARMONISER = APP.harmoniser();
    private static final Detector DETECTOR = APP.detector();

    @FuzzTest(maxDuration = "30s")
    void anyBytesAreCheckedOrRefusedCleanly(byte[] input) {
        try {
            DETECTOR.analyse(HARMONISER.harmonise(input));
        } catch (BadInputException expected) {
            // a clear refusal is a correct answer
        }
    }
}
