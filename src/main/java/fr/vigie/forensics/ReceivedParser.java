package fr.vigie.forensics;

import fr.vigie.forensics.HeaderFindings.Anomaly;
import fr.vigie.identifier.Ip;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one {@code Received} value (RFC 5321 4.4) into its clauses. The from-clause comment is read in the shapes
 * real MTAs write: Postfix/sendmail {@code helo (rdns [ip])}, Exim {@code rdns ([ip] helo=name)}, qmail
 * {@code unknown (HELO name) (ip)}, Microsoft {@code name (ip)}, Gmail {@code name (rdns. [ip])}.
 */
final class ReceivedParser {
    private static final Set<String> KEYWORDS = Set.of("from", "by", "via", "with", "id", "for");
    private static final int MAX_KEYWORD = 4;
    private static final Pattern BRACKETED_IP = Pattern.compile("\\[(?:IPv6:)?([0-9A-Fa-f:.]+)]");
    private static final Pattern BARE_IP = Pattern.compile(
            "(?<![\\w.:])((?:\\d{1,3}\\.){3}\\d{1,3}|[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7}(?::(?:\\d{1,3}\\.){3}\\d{1,3})?)(?![\\w.:])");
    private static final Pattern HELO_IN_COMMENT = Pattern.compile("(?i)\\bhelo[=\\s]+([^\\s)\\]]+)");
    private static final Pattern NAME_BEFORE_IP = Pattern.compile("([^\\s\\[()]+)\\s*\\[");
    private static final Pattern PROTOCOL =
            Pattern.compile("(?i)(?:UTF8)?(?:E?SMTP|LMTP|HTTPS?|MAPI|IMAP|POP3?|QMQP|UUCP|LOCAL)[SA]*");
    private static final Pattern ANGLE_BRACKETS = Pattern.compile("[<>]");

    /** A Received header as read, before the chain gives it a delay and a side of the boundary. */
    record ParsedHop(
            int headerIndex,
            Optional<String> helo,
            Optional<String> reverseDns,
            Optional<String> ip,
            Optional<String> by,
            Optional<String> with,
            Optional<String> id,
            Optional<String> recipient,
            Optional<OffsetDateTime> date,
            List<Anomaly> anomalies,
            String value) {

        boolean hasFrom() {
            return helo.isPresent() || reverseDns.isPresent() || ip.isPresent();
        }
    }

    private ReceivedParser() {}

    /** Real Received values stay under 1,000 characters; a hostile one is read only this far. */
    private static final int MAX_READ = 8_192;

    static ParsedHop parse(int headerIndex, String fullValue) {
        List<Anomaly> anomalies = new ArrayList<>();
        String value = fullValue.length() > MAX_READ ? fullValue.substring(0, MAX_READ) : fullValue;
        if (value != fullValue) {
            anomalies.add(new Anomaly("oversized_hop", "Received header " + headerIndex + " read up to " + MAX_READ));
        }
        int semicolon = lastSemicolonOutsideComments(value);
        String clausesText = semicolon < 0 ? value : value.substring(0, semicolon);
        Optional<OffsetDateTime> date = Optional.empty();
        if (semicolon < 0) {
            anomalies.add(new Anomaly("missing_hop_date", "Received header " + headerIndex + " has no date"));
        } else {
            date = MailDates.parse(value.substring(semicolon + 1));
            if (date.isEmpty()) {
                anomalies.add(new Anomaly(
                        "unparseable_hop_date",
                        "Received header " + headerIndex + ": "
                                + value.substring(semicolon + 1).strip()));
            }
        }
        Map<String, Clause> clauses = clauses(tokens(clausesText));
        FromClause from = readFrom(clauses.get("from"));
        Optional<String> by = word(clauses.get("by")).map(ReceivedParser::hostName);
        if (!from.present() && by.isEmpty() && !isLocalInjection(clausesText)) {
            anomalies.add(new Anomaly("unparseable_hop", "Received header " + headerIndex + ": no from or by clause"));
        }
        return new ParsedHop(
                headerIndex,
                from.helo,
                from.reverseDns,
                from.ip,
                by,
                protocol(clauses.get("with")),
                word(clauses.get("id")),
                word(clauses.get("for")).map(ReceivedParser::unbracket),
                date,
                anomalies,
                value);
    }

    /** qmail writes "(qmail 123 invoked from network)" for mail it received locally: a hop, but not a broken one. */
    private static boolean isLocalInjection(String clausesText) {
        return clausesText.strip().toLowerCase(Locale.ROOT).startsWith("(qmail");
    }

    private static int lastSemicolonOutsideComments(String value) {
        int depth = 0;
        int last = -1;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')' && depth > 0) {
                depth--;
            } else if (c == ';' && depth == 0) {
                last = i;
            }
        }
        return last >= 0 ? last : value.lastIndexOf(';');
    }

    /** A token is a word, a {@code <path>}, a {@code [literal]} or a whole comment (kept with its parentheses). */
    private static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            int end = switch (c) {
                case '(' -> commentEnd(text, i);
                case '<' -> closing(text, i, '>');
                case '[' -> closing(text, i, ']');
                default -> wordEnd(text, i);
            };
            tokens.add(text.substring(i, end));
            i = end;
        }
        return tokens;
    }

    private static int commentEnd(String text, int start) {
        int depth = 0;
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i + 1;
            }
        }
        return text.length();
    }

    private static int closing(String text, int start, char close) {
        int end = text.indexOf(close, start);
        return end < 0 ? text.length() : end + 1;
    }

    private static int wordEnd(String text, int start) {
        int i = start;
        while (i < text.length() && !Character.isWhitespace(text.charAt(i)) && text.charAt(i) != '(') {
            i++;
        }
        return i;
    }

    /** One clause: its words after the keyword and the comments that follow them. */
    private record Clause(List<String> words, List<String> comments) {}

    private static Map<String, Clause> clauses(List<String> tokens) {
        Map<String, Clause> clauses = new LinkedHashMap<>();
        Clause current = null;
        for (String token : tokens) {
            // Keywords have at most 4 letters: longer tokens (most of them) are not lower-cased for nothing.
            String lower = token.length() <= MAX_KEYWORD ? token.toLowerCase(Locale.ROOT) : token;
            if (token.length() <= MAX_KEYWORD
                    && KEYWORDS.contains(lower)
                    && (current == null || !current.words().isEmpty())) {
                current = new Clause(new ArrayList<>(), new ArrayList<>());
                clauses.putIfAbsent(lower, current);
            } else if (current != null && token.startsWith("(")) {
                current.comments().add(token.substring(1, token.endsWith(")") ? token.length() - 1 : token.length()));
            } else if (current != null) {
                current.words().add(token);
            }
        }
        return clauses;
    }

    private static Optional<String> word(Clause clause) {
        return clause == null || clause.words().isEmpty()
                ? Optional.empty()
                : Text.nonBlank(clause.words().get(0));
    }

    /** "Microsoft SMTP Server" and "esmtps tls TLS_AES..." both name their protocol somewhere among the words. */
    private static Optional<String> protocol(Clause clause) {
        if (clause == null || clause.words().isEmpty()) {
            return Optional.empty();
        }
        for (String word : clause.words()) {
            if (PROTOCOL.matcher(word).matches()) {
                return Optional.of(word.toUpperCase(Locale.ROOT));
            }
        }
        return Optional.of(clause.words().get(0).toUpperCase(Locale.ROOT));
    }

    private record FromClause(Optional<String> helo, Optional<String> reverseDns, Optional<String> ip) {
        boolean present() {
            return helo.isPresent() || reverseDns.isPresent() || ip.isPresent();
        }
    }

    private static FromClause readFrom(Clause clause) {
        if (clause == null) {
            return new FromClause(Optional.empty(), Optional.empty(), Optional.empty());
        }
        String name = clause.words().isEmpty() ? "" : clause.words().get(0);
        // fetchmail writes "from phobos [127.0.0.1]": the literal is a word, not a comment
        List<String> extraWords = clause.words().size() > 1
                ? clause.words().subList(1, clause.words().size())
                : List.of();
        String comments = String.join(" ", clause.comments()) + " " + String.join(" ", extraWords);
        Optional<String> ip = ipIn(comments).or(() -> literalIp(name));
        // The patterns are tried only when what they cannot match without is there (a regex find tries every start).
        Matcher heloInComment = containsHelo(comments) ? HELO_IN_COMMENT.matcher(comments) : null;
        if (heloInComment != null && heloInComment.find()) {
            // Exim and qmail: the leading name is the verified reverse name, the HELO is in the comment
            return new FromClause(
                    Optional.of(hostName(heloInComment.group(1))),
                    knownName(name).map(ReceivedParser::hostName),
                    ip);
        }
        Matcher nameBeforeIp = comments.indexOf('[') >= 0 ? NAME_BEFORE_IP.matcher(comments) : null;
        Optional<String> reverseDns = nameBeforeIp != null && nameBeforeIp.find()
                ? knownName(nameBeforeIp.group(1)).map(ReceivedParser::hostName)
                : Optional.empty();
        Optional<String> helo = Text.nonBlank(name).map(ReceivedParser::hostName);
        return new FromClause(helo, reverseDns, ip);
    }

    /** Whether the text holds "helo" in any ASCII case, as {@link #HELO_IN_COMMENT} needs. */
    private static boolean containsHelo(String text) {
        for (int i = 0; i + 4 <= text.length(); i++) {
            if (text.regionMatches(true, i, "helo", 0, 4)) {
                return true;
            }
        }
        return false;
    }

    private static Optional<String> ipIn(String comments) {
        Matcher bracketed = comments.indexOf('[') >= 0 ? BRACKETED_IP.matcher(comments) : null;
        while (bracketed != null && bracketed.find()) {
            Optional<Ip> ip = Ip.parse(bracketed.group(1));
            if (ip.isPresent()) {
                return ip.map(Ip::normalized);
            }
        }
        Matcher bare = BARE_IP.matcher(comments);
        while (bare.find()) {
            Optional<Ip> ip = Ip.parse(bare.group(1));
            if (ip.isPresent()) {
                return ip.map(Ip::normalized);
            }
        }
        return Optional.empty();
    }

    private static Optional<String> literalIp(String name) {
        return Ip.parse(name).map(Ip::normalized);
    }

    /** "unknown" is what Postfix and qmail write when the reverse lookup failed, and an address is not a name. */
    private static Optional<String> knownName(String name) {
        String stripped = name.contains("@") ? name.substring(name.lastIndexOf('@') + 1) : name;
        if (stripped.isBlank()
                || stripped.equalsIgnoreCase("unknown")
                || Ip.parse(stripped).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(stripped);
    }

    /** Lower-case, no trailing dot (Gmail writes "mail-sor-f41.google.com."), brackets kept for literals. */
    static String hostName(String name) {
        String host = name.strip().toLowerCase(Locale.ROOT);
        while (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        return host;
    }

    private static String unbracket(String address) {
        return ANGLE_BRACKETS.matcher(address).replaceAll("").strip();
    }
}
