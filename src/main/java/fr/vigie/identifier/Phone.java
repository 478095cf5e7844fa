package fr.vigie.identifier;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A telephone number in E.164 ({@code +33612345678}), valid for its country according to libphonenumber.
 * {@code region} is the ISO 3166 country the number belongs to ("FR", "CI"...), {@code "001"} for non-geographic
 * numbers; a number written without a country code is read in the region given to {@link #parse(String, String)}.
 */
public record Phone(String normalized, int countryCode, String region) implements Identifier {
    /** The region used when none is given: Vigie's first jurisdiction. */
    public static final String DEFAULT_REGION = "FR";

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");

    public Phone {
        if (normalized == null || !E164.matcher(normalized).matches()) {
            throw new IllegalArgumentException("not E.164");
        }
        if (!normalized.startsWith("+" + countryCode) || region == null || region.isEmpty()) {
            throw new IllegalArgumentException("country code and region must match the number");
        }
    }

    public static Optional<Phone> parse(String written) {
        return parse(written, DEFAULT_REGION);
    }

    /** {@code defaultRegion}: the ISO country code a national number (no {@code +} or {@code 00}) is read in. */
    public static Optional<Phone> parse(String written, String defaultRegion) {
        if (written == null || written.isBlank() || written.length() > 64) {
            return Optional.empty();
        }
        // "+33 (0)6..." writes the national trunk prefix beside the country code: it is not dialled.
        String text = written.replace("(0)", "");
        try {
            PhoneNumber number = UTIL.parse(text, defaultRegion.toUpperCase(Locale.ROOT));
            if (!UTIL.isValidNumber(number)) {
                return Optional.empty();
            }
            return Optional.of(new Phone(
                    UTIL.format(number, PhoneNumberFormat.E164),
                    number.getCountryCode(),
                    UTIL.getRegionCodeForNumber(number)));
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    @Override
    public Kind kind() {
        return Kind.PHONE;
    }

    /** The international format with spaces ({@code +33 6 12 34 56 78}), easier to read than E.164. */
    @Override
    public String display() {
        try {
            return UTIL.format(UTIL.parse(normalized, null), PhoneNumberFormat.INTERNATIONAL);
        } catch (NumberParseException e) {
            return normalized;
        }
    }
}
