package fr.vigie.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class KeyedSplitTest {
    // Values from: python3 -c "import hashlib; print(hashlib.sha256(b'KEY').hexdigest())"
    // and int(hexdigest, 16) % 10 (test side when 0) and int(hexdigest, 16) // 10 % 10 (validation when 0).

    @Test
    void keyHashesAsTheUnsignedSha256OfItsUtf8Bytes() {
        assertThat(KeyedSplit.hash("a"))
                .isEqualTo(new BigInteger("ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb", 16));
    }

    @Test
    void keyWhoseHashEndsInZeroIsOnTheTestSide() {
        // 574df533...: % 10 == 0
        assertThat(KeyedSplit.side("phishing-pot/sample-15.eml")).isEqualTo(KeyedSplit.Side.TEST);
        // 18ac3e73...: % 10 == 0
        assertThat(KeyedSplit.side("d")).isEqualTo(KeyedSplit.Side.TEST);
        // acac86c0...: % 10 == 0
        assertThat(KeyedSplit.isTest("l")).isTrue();
    }

    @Test
    void otherKeysAreTrainAndTheirNextDigitPicksTheValidationSlice() {
        // 32730cec...: % 10 == 1, // 10 % 10 == 6
        assertThat(KeyedSplit.side("spamassassin-testdata/easy_ham/00001.7c53336b37003a9286aba55d2945844c"))
                .isEqualTo(KeyedSplit.Side.TRAIN);
        // ca978112...: % 10 == 9, // 10 % 10 == 9
        assertThat(KeyedSplit.side("a")).isEqualTo(KeyedSplit.Side.TRAIN);
        // 8254c329...: % 10 == 6, // 10 % 10 == 0
        assertThat(KeyedSplit.side("k")).isEqualTo(KeyedSplit.Side.VALIDATION);
        // 62c66a7a...: % 10 == 2, // 10 % 10 == 0
        assertThat(KeyedSplit.side("m")).isEqualTo(KeyedSplit.Side.VALIDATION);
        assertThat(KeyedSplit.Side.VALIDATION.isTrain()).isTrue();
    }

    @Test
    void duplicateSmsLandOnTheSameSide() {
        String once = "WINNER!! You have won a £900 prize. Call 09061701461 to claim.";
        String again = "  winner you have WON a £900 prize -- call 09061701461 to claim ";
        assertThat(KeyedSplit.smsKey(once)).isEqualTo(KeyedSplit.smsKey(again));
        assertThat(KeyedSplit.smsKey(once)).isEqualTo("winner you have won a 900 prize call 09061701461 to claim");
        assertThat(KeyedSplit.side(KeyedSplit.smsKey(once))).isEqualTo(KeyedSplit.side(KeyedSplit.smsKey(again)));
    }
}
