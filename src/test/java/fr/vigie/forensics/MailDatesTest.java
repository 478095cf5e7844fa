package fr.vigie.forensics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class MailDatesTest {
    private static final OffsetDateTime TEN_UTC = OffsetDateTime.of(2024, 3, 1, 10, 0, 0, 0, ZoneOffset.UTC);

    private static OffsetDateTime at(String text) {
        return MailDates.parse(text).orElseThrow(() -> new AssertionError("not parsed: " + text));
    }

    @Test
    void rfc5322DateIsParsed() {
        assertThat(at("Fri, 01 Mar 2024 10:00:00 +0000")).isEqualTo(TEN_UTC);
    }

    @Test
    void commentAfterTheOffsetIsIgnored() {
        assertThat(at("Fri, 1 Mar 2024 12:00:00 +0200 (GMT+02:00)"))
                .isEqualTo(TEN_UTC.withOffsetSameInstant(ZoneOffset.ofHours(2)));
        assertThat(at("Fri,  1 Mar 2024 11:00:00 +0100 (CET)").toInstant()).isEqualTo(TEN_UTC.toInstant());
    }

    @Test
    void goStyleDateIsParsed() {
        assertThat(at("2024-03-01 10:00:00 +0000 UTC m=+555016.7")).isEqualTo(TEN_UTC);
        assertThat(at("2024-03-01 11:00:00.123456789 +0100 CET m=+0.000000001").toInstant())
                .isEqualTo(TEN_UTC.toInstant());
    }

    @Test
    void foldedDateIsParsed() {
        assertThat(at("Fri, 1 Mar 2024\r\n\t10:00:00\r\n +0000")).isEqualTo(TEN_UTC);
    }

    @Test
    void missingSecondsAndDayNameAreAccepted() {
        assertThat(at("1 Mar 2024 10:00 +0000")).isEqualTo(TEN_UTC);
    }

    @Test
    void twoDigitYearFollowsTheObsoleteRule() {
        assertThat(at("Fri, 1 Mar 24 10:00:00 GMT").getYear()).isEqualTo(2024);
        assertThat(at("Sat, 1 Mar 97 10:00:00 GMT").getYear()).isEqualTo(1997);
        assertThat(at("1 Mar 124 10:00:00 GMT").getYear()).isEqualTo(2024);
    }

    @Test
    void namedZonesAreRead() {
        assertThat(at("Fri, 1 Mar 2024 05:00:00 EST").toInstant()).isEqualTo(TEN_UTC.toInstant());
        assertThat(at("Fri, 1 Mar 2024 02:00:00 PST").toInstant()).isEqualTo(TEN_UTC.toInstant());
        assertThat(at("Fri, 1 Mar 2024 12:00:00 CEST").toInstant()).isEqualTo(TEN_UTC.toInstant());
        assertThat(at("Fri, 1 Mar 2024 10:00:00 UT").toInstant()).isEqualTo(TEN_UTC.toInstant());
    }

    @Test
    void militaryZonesCountAsUtc() {
        // RFC 5322 4.3: RFC 822 got their signs wrong, so they carry no offset information
        assertThat(at("Fri, 1 Mar 2024 10:00:00 Q").toInstant()).isEqualTo(TEN_UTC.toInstant());
    }

    @Test
    void isoDateIsParsed() {
        assertThat(at("2024-03-01T10:00:00Z")).isEqualTo(TEN_UTC);
        assertThat(at("2024-03-01T12:00:00+02:00").toInstant()).isEqualTo(TEN_UTC.toInstant());
    }

    @Test
    void ctimeOrderWithAZoneIsParsed() {
        assertThat(at("Fri Mar  1 10:00:00 2024 GMT")).isEqualTo(TEN_UTC);
    }

    @Test
    void dateWithoutYearIsNotGivenOne() {
        assertThat(MailDates.parse("Fri, 1 Mar 10:00:00 +0000")).isEmpty();
        assertThat(MailDates.parse("Mar 1 10:00:00")).isEmpty();
    }

    @Test
    void dateWithoutZoneIsNotGivenOne() {
        assertThat(MailDates.parse("Fri, 1 Mar 2024 10:00:00")).isEmpty();
        assertThat(MailDates.parse("2024-03-01 10:00:00")).isEmpty();
    }

    @Test
    void impossibleOrEmptyDatesAreEmpty() {
        assertThat(MailDates.parse(null)).isEmpty();
        assertThat(MailDates.parse("")).isEmpty();
        assertThat(MailDates.parse("sometime on Monday")).isEmpty();
        assertThat(MailDates.parse("Fri, 30 Feb 2024 10:00:00 +0000")).isEmpty();
        assertThat(MailDates.parse("Fri, 1 Mar 2024 25:00:00 +0000")).isEmpty();
        assertThat(MailDates.parse("Fri, 1 Mar 2024 10:00:00 +9900")).isEmpty();
    }
}
