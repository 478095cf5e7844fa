package fr.vigie.harmonise;

import com.code_intelligence.jazzer.junit.FuzzTest;
import fr.vigie.BadInputException;

/**
 * Whatever bytes arrive, harmonisation either answers or refuses them with a {@link BadInputException}: any other
 * exception is a bug. {@code ./vigie test} replays the seeds in
 * {@code src/test/resources/fr/vigie/harmonise/HarmoniserFuzzTestInputs/}; {@code JAZZER_FUZZ=1} explores.
 */
class HarmoniserFuzzTest {
    private static final Harmoniser HARMONISER = TestHarmoniser.create();

    @FuzzTest(maxDuration = "30s")
    void anyBytesAreHarmonisedOrRefusedCleanly(byte[] input) {
        try {
            HARMONISER.harmonise(input);
        } catch (BadInputException expected) {
            // a clear refusal is a correct answer
        }
    }
}
