package fr.vigie.forensics;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lenient reader for the dates found in mail headers: RFC 5322 and its obsolete forms (two- and three-digit years,
 * named and military zones), comments, missing seconds or day name, ctime order, ISO-8601 and Go's {@code time.String}
 * output. A date is only returned when day, month, year, time and zone are all written: a year or a zone is never
 * guessed. Never throws. Thread-safe (stateless).
 */
public final class MailDates {
    private static final Pattern ISO =
            Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})[T ](\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,]\\d+)?)?\\s*(.*)");
    private static final Pattern GO_MONOTONIC = Pattern.compile("\\s+m=[+-][0-9.]+\\s*$");
    private static final Pattern TIME = Pattern.compile("(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,]\\d+)?)?");
    private static final Pattern NUMERIC_ZONE = Pattern.compile("(?:GMT|UTC|UT)?([+-])(\\d{2}):?(\\d{2})");
    private static final Pattern DASHED_DATE = Pattern.compile("(\\d{1,2})-([A-Za-z]{3,9})-(\\d{2,4})");
    // Compiled once: String.replaceAll, split and matches compile their pattern on every call.
    private static final Pattern SPACE = Pattern.compile("[ ]");
    private static final Pattern MONTH_WORD = Pattern.compile("[a-z]+\\.?");
    private static final List<String> MONTHS =
            List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec");
    private static final Map<String, Integer> NAMED_ZONES = Map.ofEntries(
            Map.entry("GMT", 0),
            Map.entry("UT", 0),
            Map.entry("UTC", 0),
            Map.entry("Z", 0),
            Map.entry("WET", 0),
            Map.entry("WEST", 60),
            Map.entry("CET", 60),
            Map.entry("CEST", 120),
            Map.entry("MET", 60),
            Map.entry("MEST", 120),
            Map.entry("EET", 120),
            Map.entry("EEST", 180),
            Map.entry("EST", -300),
            Map.entry("EDT", -240),
            Map.entry("CST", -360),
            Map.entry("CDT", -300),
            Map.entry("MST", -420),
            Map.entry("MDT", -360),
            Map.entry("PST", -480),
            Map.entry("PDT", -420),
            Map.entry("JST", 540));

    private MailDates() {}

    /** The instant and offset written in {@code text}, or empty when any part of it would have to be guessed. */
    public static Optional<OffsetDateTime> parse(String text) {
        if (text == null || text.length() > 400) {
            return Optional.empty();
        }
        // Each pattern below is tried only when the character it cannot match without is there: every message has
        // several dates (Date, each Received), and a regex attempt costs far more than an indexOf.
        String uncommented = Text.stripComments(text);
        String withoutMonotonic =
                uncommented.contains("m=") ? GO_MONOTONIC.matcher(uncommented).replaceAll("") : uncommented;
        String cleaned = collapseSpaces(withoutMonotonic).strip();
        if (startsWithYearAndDash(cleaned)) {
            Matcher iso = ISO.matcher(cleaned);
            if (iso.matches()) {
                return fromIso(iso);
            }
        }
        return fromWords(cleaned);
    }

    /** Every run of {@code \s} (space, tab, line break, form feed, vertical tab) as one space, without a regex. */
    private static String collapseSpaces(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean inRun = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isRegexSpace(c)) {
                if (!inRun) {
                    out.append(' ');
                }
                inRun = true;
            } else {
                out.append(c);
                inRun = false;
            }
        }
        return out.toString();
    }

    private static boolean isRegexSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }

    private static boolean startsWithYearAndDash(String text) {
        return text.length() > 4 && isDigits(text.substring(0, 4)) && text.charAt(4) == '-';
    }

    /** What {@code \d{1,4}} matches: one to four ASCII digits. */
    private static boolean isDigits(String token) {
        if (token.isEmpty() || token.length() > 4) {
            return false;
        }
        for (int i = 0; i < token.length(); i++) {
            if (token.charAt(i) < '0' || token.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static Optional<OffsetDateTime> fromIso(Matcher iso) {
        Optional<ZoneOffset> zone = firstZone(List.of(SPACE.split(iso.group(7))));
        if (zone.isEmpty()) {
            return Optional.empty();
        }
        int second = iso.group(6) == null ? 0 : Integer.parseInt(iso.group(6));
        return build(
                Integer.parseInt(iso.group(1)),
                Integer.parseInt(iso.group(2)),
                Integer.parseInt(iso.group(3)),
                Integer.parseInt(iso.group(4)),
                Integer.parseInt(iso.group(5)),
                second,
                zone.get());
    }

    /** RFC 5322 and its relatives, read token by token so that the order of the parts may vary (ctime, "Mar 1"). */
    private static Optional<OffsetDateTime> fromWords(String cleaned) {
        DateParts parts = new DateParts();
        List<String> tokens = tokens(cleaned);
        for (String token : tokens) {
            parts.accept(token);
        }
        if (!parts.complete()) {
            return Optional.empty();
        }
        Optional<ZoneOffset> zone = firstZone(tokens);
        if (zone.isEmpty()) {
            return Optional.empty();
        }
        return build(parts.year, parts.month, parts.day, parts.hour, parts.minute, parts.second, zone.get());
    }

    private static List<String> tokens(String cleaned) {
        List<String> tokens = new ArrayList<>();
        for (String token : splitAtSpacesAndCommas(cleaned)) {
            Matcher dashed = token.indexOf('-') > 0 ? DASHED_DATE.matcher(token) : null;
            if (dashed != null && dashed.matches()) {
                tokens.add(dashed.group(1));
                tokens.add(dashed.group(2));
                tokens.add(dashed.group(3));
            } else if (!token.isEmpty()) {
                tokens.add(token);
            }
        }
        return tokens;
    }

    /** The non-empty runs between spaces and commas ({@code [\s,]+}), without a regex. */
    private static List<String> splitAtSpacesAndCommas(String text) {
        List<String> tokens = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= text.length(); i++) {
            boolean separator = i == text.length() || text.charAt(i) == ',' || isRegexSpace(text.charAt(i));
            if (separator && start >= 0) {
                tokens.add(text.substring(start, i));
                start = -1;
            } else if (!separator && start < 0) {
                start = i;
            }
        }
        return tokens;
    }

    /** A numeric offset wins over a name (Go writes "+0000 UTC"); military letters mean -0000 (RFC 5322 4.3). */
    private static Optional<ZoneOffset> firstZone(List<String> tokens) {
        for (String token : tokens) {
            if (token.indexOf('+') < 0 && token.indexOf('-') < 0) {
                continue;
            }
            Matcher numeric = NUMERIC_ZONE.matcher(token);
            if (numeric.matches()) {
                int minutes = Integer.parseInt(numeric.group(2)) * 60 + Integer.parseInt(numeric.group(3));
                return offset("-".equals(numeric.group(1)) ? -minutes : minutes);
            }
        }
        for (String token : tokens) {
            String upper = token.toUpperCase(Locale.ROOT);
            Integer minutes = NAMED_ZONES.get(upper);
            if (minutes != null) {
                return offset(minutes);
            }
            if (upper.length() == 1 && upper.charAt(0) >= 'A' && upper.charAt(0) <= 'Z' && upper.charAt(0) != 'J') {
                return offset(0);
            }
        }
        return Optional.empty();
    }

    private static Optional<ZoneOffset> offset(int minutes) {
        if (Math.abs(minutes) > 18 * 60) {
            return Optional.empty();
        }
        return Optional.of(ZoneOffset.ofTotalSeconds(minutes * 60));
    }

    private static Optional<OffsetDateTime> build(
            int year, int month, int day, int hour, int minute, int second, ZoneOffset zone) {
        try {
            int leapSafeSecond = Math.min(second, 59); // RFC 5322 allows 60 for a leap second
            LocalDateTime local = LocalDateTime.of(year, month, day, hour, minute, leapSafeSecond);
            return Optional.of(OffsetDateTime.of(local, zone));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** What has been read so far; a number is a day or a year depending on its width and on what came before. */
    private static final class DateParts {
        int day = -1;
        int month = -1;
        int year = -1;
        int hour = -1;
        int minute;
        int second;

        void accept(String token) {
            Matcher time = hour < 0 && token.indexOf(':') > 0 ? TIME.matcher(token) : null;
            if (time != null && time.matches()) {
                hour = Integer.parseInt(time.group(1));
                minute = Integer.parseInt(time.group(2));
                second = time.group(3) == null ? 0 : Integer.parseInt(time.group(3));
            } else if (month < 0 && monthOf(token) > 0) {
                month = monthOf(token);
            } else if (isDigits(token)) {
                acceptNumber(token);
            }
        }

        private void acceptNumber(String token) {
            int number = Integer.parseInt(token);
            if (token.length() >= 3 && year < 0) {
                year = token.length() == 3 ? 1900 + number : number; // obs-year: three digits count from 1900
            } else if (token.length() <= 2 && day < 0) {
                day = number;
            } else if (token.length() <= 2 && year < 0 && month > 0) {
                year = number < 50 ? 2000 + number : 1900 + number; // obs-year rule of RFC 5322 4.3
            }
        }

        boolean complete() {
            return day > 0 && month > 0 && year > 0 && hour >= 0;
        }

        private static int monthOf(String token) {
            if (token.length() < 3 || !Character.isLetter(token.charAt(0))) {
                return -1;
            }
            String lower = token.toLowerCase(Locale.ROOT);
            int index = MONTHS.indexOf(lower.substring(0, 3));
            boolean known = index >= 0
                    && (lower.length() == 3
                            || lower.length() > 3 && MONTH_WORD.matcher(lower).matches());
            return known ? index + 1 : -1;
        }
    }
}
