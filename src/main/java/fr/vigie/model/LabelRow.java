package fr.vigie.model;

import java.util.Objects;

/**
 * One labelled message: {@code file} relative to the data folder ({@code sms/<file>:<n>} for an SMS row), its
 * primary scheme, an optional secondary one (empty when none), the language and the source as given.
 */
public record LabelRow(String file, String primary, String secondary, String lang, String source) {
    public LabelRow {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(primary, "primary");
        secondary = secondary == null ? "" : secondary;
        lang = lang == null ? "" : lang;
        source = source == null ? "" : source;
    }

    /** The corpus: the first folder of {@code file} ({@code spamassassin-testdata}, {@code phishing-pot}...). */
    public String corpus() {
        int slash = file.indexOf('/');
        return slash < 0 ? "" : file.substring(0, slash);
    }

    /** True for an SMS row ({@code sms/<file>:<n>}). */
    public boolean isSmsRow() {
        return file.startsWith("sms/") && smsLine() > 0;
    }

    /** The 1-based line or data row of an SMS row, or 0. */
    public int smsLine() {
        int colon = file.lastIndexOf(':');
        if (colon < 0) {
            return 0;
        }
        try {
            return Integer.parseInt(file.substring(colon + 1));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** The SMS file of an SMS row, relative to the data folder. */
    public String smsFile() {
        return file.substring(0, file.lastIndexOf(':'));
    }
}
