package fr.vigie.identifier;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An account name on a messaging or social platform, {@code platform:handle} in lower case
 * ({@code instagram:lovely_anna}). Twitter and X are one platform, {@code x}. A WhatsApp account is a phone number,
 * so {@code wa.me} links give a {@link Phone}, not a handle.
 */
public record Handle(String platform, String name) implements Identifier {

    /** Platform id to the longest name it allows (Facebook vanity names and Skype ids are the longest). */
    static final Map<String, Integer> PLATFORMS = Map.ofEntries(
            Map.entry("instagram", 30),
            Map.entry("snapchat", 15),
            Map.entry("telegram", 32),
            Map.entry("tiktok", 24),
            Map.entry("x", 15),
            Map.entry("facebook", 50),
            Map.entry("whatsapp", 35),
            Map.entry("skype", 32),
            Map.entry("signal", 32),
            Map.entry("discord", 32),
            Map.entry("kik", 20));

    /** Words used for a platform in text, mapped to its id. */
    static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("insta", "instagram"),
            Map.entry("snap", "snapchat"),
            Map.entry("tik tok", "tiktok"),
            Map.entry("twitter", "x"),
            Map.entry("fb", "facebook"),
            Map.entry("messenger", "facebook"));

    public Handle {
        if (platform == null || name == null || !PLATFORMS.containsKey(platform) || !isName(name, platform)) {
            throw new IllegalArgumentException("not a handle in normal form");
        }
    }

    /** {@code platform:name} as an analyst types it ({@code telegram:@anna_love} too). */
    public static Optional<Handle> parse(String written) {
        if (written == null) {
            return Optional.empty();
        }
        int colon = written.indexOf(':');
        return colon > 0 ? of(written.substring(0, colon), written.substring(colon + 1)) : Optional.empty();
    }

    /** A name seen on a platform named in words ("Snap", "Twitter"...); a leading {@code @} is dropped. */
    public static Optional<Handle> of(String platform, String name) {
        if (platform == null || name == null) {
            return Optional.empty();
        }
        String platformWord = platform.strip().toLowerCase(Locale.ROOT);
        String platformId = ALIASES.getOrDefault(platformWord, platformWord);
        String handle = name.strip().toLowerCase(Locale.ROOT);
        if (handle.startsWith("@")) {
            handle = handle.substring(1);
        }
        if (!PLATFORMS.containsKey(platformId) || !isName(handle, platformId)) {
            return Optional.empty();
        }
        return Optional.of(new Handle(platformId, handle));
    }

    /** Letters, digits, {@code . _ -}; starting with a letter or digit; within the platform's length. */
    private static boolean isName(String name, String platform) {
        if (name.length() < 2 || name.length() > PLATFORMS.get(platform)) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
            if (!alnum && (i == 0 || (c != '.' && c != '_' && c != '-'))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String normalized() {
        return platform + ":" + name;
    }

    @Override
    public String display() {
        return "@" + name + " (" + platform + ")";
    }

    @Override
    public Kind kind() {
        return Kind.HANDLE;
    }
}
