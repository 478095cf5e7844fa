package fr.vigie.dossier;

import fr.vigie.i18n.Lang;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Dates, times and amounts as a dossier prints them: times in UTC with the zone written out (an investigator
 * compares them with server logs), amounts with the currency code. The digit grouping is a no-break space, so an
 * amount is never split across two lines.
 */
final class Formats {
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern(
                    "yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MINUTE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);

    private Formats() {}

    static String dateTime(Instant at) {
        return DATE_TIME.format(at);
    }

    static String minute(Instant at) {
        return MINUTE.format(at);
    }

    static String date(LocalDate day) {
        return day.toString();
    }

    static String money(BigDecimal amount, String currency, Lang lang) {
        return number(lang, "#,##0.00").format(amount) + "\u00a0" + currency;
    }

    static String count(long n, Lang lang) {
        return number(lang, "#,##0").format(n);
    }

    private static DecimalFormat number(Lang lang, String pattern) {
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.ROOT);
        symbols.setGroupingSeparator(lang == Lang.FR ? '\u00a0' : ',');
        symbols.setDecimalSeparator(lang == Lang.FR ? ',' : '.');
        return new DecimalFormat(pattern, symbols);
    }
}
