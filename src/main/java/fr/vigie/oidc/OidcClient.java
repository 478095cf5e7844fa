package fr.vigie.oidc;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.RemoteKeySourceException;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.GeneralException;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.util.JSONObjectUtils;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.AuthenticationResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationResponseParser;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import fr.vigie.access.Role;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Vigie as an OpenID Connect relying party: {@link #start} gives the provider's authorization address and the flow
 * the browser keeps (in a cookie) until it comes back; {@link #finish} takes the callback's parameters and that
 * flow, and gives who signed in with their mapped role, or throws an {@link OidcException} naming the problem.
 *
 * <p>The discovery document is fetched when the client is made; when the provider cannot be reached then, it is
 * tried again at the next sign-in (at most every {@link #RETRY}), so a provider down at start costs only its own
 * sign-in, never local accounts. The ID token is checked by Nimbus's {@code IDTokenValidator} (signature against the
 * JWKS, issuer, audience, expiry, nonce); a refusal is then named by reading the token's own claims. Safe to call from
 * many threads.
 */
public final class OidcClient {
    /** The least time between two tries at a provider that could not be reached. */
    static final Duration RETRY = Duration.ofSeconds(10);

    private static final Logger LOG = LoggerFactory.getLogger(OidcClient.class);
    private static final Duration CLOCK_SKEW = Duration.ofSeconds(60);
    private static final Pattern PART = Pattern.compile("[A-Za-z0-9_-]{20,128}");

    private final OidcSettings settings;
    private final Secret secret;
    private final Clock clock;
    private final int timeoutMillis;
    private final Object lock = new Object();
    private volatile Provider provider;
    private Instant lastTry = Instant.MIN;

    /** The provider as discovered, and the validator of its ID tokens (which keeps its keys cached). */
    private record Provider(OIDCProviderMetadata metadata, IDTokenValidator validator) {}

    /** What the browser keeps between {@link #start} and {@link #finish} (a cookie); the language to answer in. */
    public record Flow(String state, String nonce, String verifier, String lang) {
        /** As a cookie's value: four parts joined by dots. */
        public String cookie() {
            return state + "." + nonce + "." + verifier + "." + lang;
        }

        /** A cookie's value read back; empty when it is not one this server wrote. */
        public static Optional<Flow> parse(String cookie) {
            if (cookie == null || cookie.length() > 500) {
                return Optional.empty();
            }
            String[] parts = cookie.split("\\.", -1);
            if (parts.length != 4
                    || !PART.matcher(parts[0]).matches()
                    || !PART.matcher(parts[1]).matches()
                    || !PART.matcher(parts[2]).matches()
                    || !parts[3].matches("fr|en")) {
                return Optional.empty();
            }
            return Optional.of(new Flow(parts[0], parts[1], parts[2], parts[3]));
        }
    }

    /** Where to send the browser, and the flow it keeps. */
    public record Start(URI authorization, Flow flow) {}

    /**
     * A person the provider vouched for.
     *
     * @param identity the SHA-256 (hex) of the issuer and the subject: how the account is found again, the subject
     *     itself never kept
     * @param name the value of the name claim (the subject when it has none)
     * @param role the role the claims map to; empty: this person is refused (never a default role)
     */
    public record Identity(String identity, String name, Optional<Role> role) {}

    /**
     * Makes the client and tries the provider's discovery document now.
     *
     * @param secret the client secret ({@link OidcSettings#secret}); never logged
     * @param timeout for each call to the provider
     */
    public OidcClient(OidcSettings settings, String secret, Clock clock, Duration timeout) {
        this.settings = Objects.requireNonNull(settings);
        this.secret = new Secret(secret);
        this.clock = clock;
        this.timeoutMillis = Math.toIntExact(timeout.toMillis());
        try {
            provider();
        } catch (OidcException e) {
            LOG.warn("OpenID Connect provider not reachable at start; its sign-in is tried again when asked");
        }
    }

    public OidcSettings settings() {
        return settings;
    }

    /** Whether the discovery document has been read. */
    public boolean discovered() {
        return provider != null;
    }

    /**
     * A new sign-in: a fresh state, nonce and PKCE verifier (S256), and the provider's authorization address.
     *
     * @throws OidcException {@link OidcProblem#PROVIDER_UNREACHABLE} when the discovery document cannot be read
     */
    public Start start(String lang) {
        Provider p = provider();
        State state = new State();
        Nonce nonce = new Nonce();
        CodeVerifier verifier = new CodeVerifier();
        URI uri = new AuthenticationRequest.Builder(
                        ResponseType.CODE,
                        new Scope(settings.scopes().toArray(String[]::new)),
                        new ClientID(settings.clientId()),
                        settings.redirectUri())
                .endpointURI(p.metadata().getAuthorizationEndpointURI())
                .state(state)
                .nonce(nonce)
                .codeChallenge(verifier, CodeChallengeMethod.S256)
                .build()
                .toURI();
        return new Start(uri, new Flow(state.getValue(), nonce.getValue(), verifier.getValue(), lang));
    }

    /**
     * The provider's answer at the callback, checked against the flow this browser kept: the state, then the code
     * exchanged (with the PKCE verifier and the client secret), then the ID token; then the role the claims map to.
     *
     * @param query the callback's query parameters
     * @throws OidcException naming the first check that failed
     */
    public Identity finish(Map<String, List<String>> query, Optional<Flow> kept) {
        if (kept.isEmpty()) {
            throw new OidcException(OidcProblem.BAD_STATE, "no sign-in was started in this browser (or it expired)");
        }
        Flow flow = kept.get();
        AuthenticationResponse response;
        try {
            response = AuthenticationResponseParser.parse(settings.redirectUri(), query);
        } catch (ParseException e) {
            throw new OidcException(OidcProblem.BAD_STATE, "the provider's answer is malformed");
        }
        State state = response.getState();
        if (state == null || !MessageDigest.isEqual(bytes(state.getValue()), bytes(flow.state()))) {
            throw new OidcException(OidcProblem.BAD_STATE, "the answer's state is not this sign-in's");
        }
        if (!response.indicatesSuccess()) {
            String code = response.toErrorResponse().getErrorObject().getCode();
            throw new OidcException(
                    OidcProblem.PROVIDER_REFUSED,
                    "the provider refused the sign-in (" + (code == null ? "no code" : safe(code)) + ")");
        }
        Provider p = provider();
        JWT idToken = exchange(p, response.toSuccessResponse().getAuthorizationCode(), flow);
        IDTokenClaimsSet claims = verify(p, idToken, flow);
        return identity(claims);
    }

    private JWT exchange(Provider p, com.nimbusds.oauth2.sdk.AuthorizationCode code, Flow flow) {
        TokenRequest request = new TokenRequest(
                p.metadata().getTokenEndpointURI(),
                new ClientSecretBasic(new ClientID(settings.clientId()), secret),
                new AuthorizationCodeGrant(code, settings.redirectUri(), new CodeVerifier(flow.verifier())));
        HTTPRequest http = request.toHTTPRequest();
        http.setConnectTimeout(timeoutMillis);
        http.setReadTimeout(timeoutMillis);
        HTTPResponse answer;
        try {
            answer = http.send();
        } catch (IOException e) {
            throw new OidcException(
                    OidcProblem.PROVIDER_UNREACHABLE, "the provider's token endpoint cannot be reached");
        }
        if (!answer.indicatesSuccess()) {
            String error;
            try {
                error = TokenErrorResponse.parse(answer).getErrorObject().getCode();
            } catch (ParseException e) {
                error = null;
            }
            throw new OidcException(
                    OidcProblem.PROVIDER_REFUSED,
                    "the provider refused the code (" + (error == null ? "no code" : safe(error)) + ")");
        }
        // Only the ID token is used (Vigie calls no API with the access token), so only it is read: a provider's
        // odd expires_in or token type cannot stop a sign-in whose ID token checks.
        try {
            String idToken = JSONObjectUtils.getString(answer.getBodyAsJSONObject(), "id_token", null);
            if (idToken == null) {
                throw new OidcException(OidcProblem.BAD_TOKEN, "the provider sent no ID token");
            }
            return JWTParser.parse(idToken);
        } catch (ParseException | java.text.ParseException e) {
            throw new OidcException(OidcProblem.BAD_TOKEN, "the provider's token answer holds no readable ID token");
        }
    }

    private IDTokenClaimsSet verify(Provider p, JWT idToken, Flow flow) {
        try {
            return p.validator().validate(idToken, new Nonce(flow.nonce()));
        } catch (BadJOSEException e) {
            throw refusal(idToken, flow);
        } catch (RemoteKeySourceException e) {
            throw new OidcException(OidcProblem.PROVIDER_UNREACHABLE, "the provider's keys (JWKS) cannot be read");
        } catch (JOSEException e) {
            throw new OidcException(OidcProblem.BAD_TOKEN, "the ID token's signature cannot be checked");
        }
    }

    /**
     * Names why the validator refused a token, from the token's own claims (read only to say why: they are not
     * trusted): issuer, audience, expiry and nonce in that order, else the signature.
     */
    OidcException refusal(JWT idToken, Flow flow) {
        JWTClaimsSet claims;
        try {
            claims = idToken.getJWTClaimsSet();
        } catch (java.text.ParseException e) {
            return new OidcException(OidcProblem.BAD_TOKEN, "the ID token is malformed");
        }
        if (!settings.issuer().toString().equals(claims.getIssuer())) {
            return new OidcException(OidcProblem.WRONG_ISSUER, "the ID token comes from another issuer");
        }
        if (claims.getAudience() == null || !claims.getAudience().contains(settings.clientId())) {
            return new OidcException(OidcProblem.WRONG_AUDIENCE, "the ID token was issued for another client");
        }
        Instant now = clock.instant();
        if (claims.getExpirationTime() == null
                || !claims.getExpirationTime().toInstant().plus(CLOCK_SKEW).isAfter(now)) {
            return new OidcException(OidcProblem.EXPIRED, "the ID token has expired");
        }
        Object nonce = claims.getClaim("nonce");
        if (!(nonce instanceof String n) || !MessageDigest.isEqual(bytes(n), bytes(flow.nonce()))) {
            return new OidcException(OidcProblem.WRONG_NONCE, "the ID token answers another sign-in");
        }
        return new OidcException(OidcProblem.BAD_TOKEN, "the ID token's signature or header does not check");
    }

    private Identity identity(IDTokenClaimsSet claims) {
        Map<String, Object> all = claims.toJSONObject();
        Set<String> held = values(claim(all, settings.roleClaim()));
        String subject = claims.getSubject().getValue();
        String identity = sha256(settings.issuer() + "\n" + subject);
        Object name = claim(all, settings.nameClaim());
        String shown = name instanceof String s && !s.isBlank() ? s : subject;
        return new Identity(identity, shown, settings.roleOf(held));
    }

    /** A claim by its name, or by a dotted path into nested objects ({@code realm_access.roles}). */
    static Object claim(Map<String, Object> claims, String path) {
        if (claims.containsKey(path)) {
            return claims.get(path);
        }
        Object at = claims;
        for (String part : path.split("\\.")) {
            if (!(at instanceof Map<?, ?> map)) {
                return null;
            }
            at = map.get(part);
        }
        return at;
    }

    /** A claim's values: one string, or a list of them (anything else holds none). */
    static Set<String> values(Object claim) {
        Set<String> values = new LinkedHashSet<>();
        if (claim instanceof String s) {
            values.add(s);
        } else if (claim instanceof Collection<?> list) {
            list.stream()
                    .filter(String.class::isInstance)
                    .map(String.class::cast)
                    .forEach(values::add);
        }
        return values;
    }

    /** The provider, discovered now if it is not yet (at most every {@link #RETRY}). */
    private Provider provider() {
        Provider known = provider;
        if (known != null) {
            return known;
        }
        synchronized (lock) {
            if (provider != null) {
                return provider;
            }
            Instant now = clock.instant();
            if (lastTry.plus(RETRY).isAfter(now)) {
                throw new OidcException(OidcProblem.PROVIDER_UNREACHABLE, "the provider was not reachable just now");
            }
            lastTry = now;
            provider = discover();
            return provider;
        }
    }

    private Provider discover() {
        Issuer issuer = new Issuer(settings.issuer());
        OIDCProviderMetadata metadata;
        try {
            metadata = OIDCProviderMetadata.resolve(issuer, timeoutMillis, timeoutMillis);
        } catch (IOException e) {
            throw new OidcException(
                    OidcProblem.PROVIDER_UNREACHABLE, "the provider's discovery document cannot be read");
        } catch (GeneralException e) {
            throw new OidcException(OidcProblem.PROVIDER_UNREACHABLE, "the provider's discovery document is not valid");
        }
        if (metadata.getAuthorizationEndpointURI() == null
                || metadata.getTokenEndpointURI() == null
                || metadata.getJWKSetURI() == null) {
            throw new OidcException(
                    OidcProblem.PROVIDER_UNREACHABLE, "the discovery document lacks an endpoint or the JWKS");
        }
        try {
            IDTokenValidator validator = new IDTokenValidator(
                    issuer,
                    new ClientID(settings.clientId()),
                    JWSAlgorithm.parse(settings.algorithm()),
                    metadata.getJWKSetURI().toURL(),
                    new DefaultResourceRetriever(timeoutMillis, timeoutMillis, 512 * 1024));
            validator.setMaxClockSkew(Math.toIntExact(CLOCK_SKEW.toSeconds()));
            return new Provider(metadata, validator);
        } catch (MalformedURLException | IllegalArgumentException e) {
            throw new OidcException(OidcProblem.PROVIDER_UNREACHABLE, "the provider's JWKS address is not a URL");
        }
    }

    private static String safe(String code) {
        String kept = code.replaceAll("[^A-Za-z0-9_.-]", "");
        return kept.length() > 40 ? kept.substring(0, 40) : kept;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes(value)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
