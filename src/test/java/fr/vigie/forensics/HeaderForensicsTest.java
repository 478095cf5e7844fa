package fr.vigie.forensics;

import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.forensics.HeaderFindings.AuthenticationHeader;
import fr.vigie.forensics.HeaderFindings.Hop;
import fr.vigie.message.Header;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HeaderForensicsTest {
    static final SenderLists LISTS = new SenderLists(
            Set.of("gmail.com", "outlook.fr", "hotmail.fr", "yahoo.fr"),
            List.of("INTERPOL", "Europol", "police", "gendarmerie", "FBI", "ministère", "tribunal", "douane"));
    private final HeaderForensics forensics = new HeaderForensics(LISTS);

    private HeaderFindings examine(String fixture) {
        String message = HeaderBlocks.resource(fixture);
        return forensics.examine(HeaderBlocks.parse(message), message.getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> codes(Hop hop) {
        return hop.anomalies().stream().map(HeaderFindings.Anomaly::code).toList();
    }

    @Test
    void receivedChainIsReadTopFirst() {
        HeaderFindings findings = examine("gmail-interpol-forged.eml");

        assertThat(findings.hops()).hasSize(3);
        Hop entry = findings.hops().get(1);
        assertThat(entry.helo()).contains("mail.interpol-cybercrime.org");
        assertThat(entry.reverseDns()).contains("static.45.101.220.185.clients.vps-hosting.net");
        assertThat(entry.ip()).contains("185.220.101.45");
        assertThat(entry.by()).contains("mx.google.com");
        assertThat(entry.with()).contains("ESMTPS");
        assertThat(entry.recipient()).contains("victime.exemple@gmail.com");
        assertThat(entry.id()).hasValueSatisfying(id -> assertThat(id).startsWith("a1-20020a170906"));
    }

    @Test
    void delayIsMeasuredFromTheOlderHop() {
        HeaderFindings findings = examine("gmail-interpol-forged.eml");

        // 09:02:09Z at Gmail, 08:55:12Z at the (forged) hop below
        assertThat(findings.hops().get(1).delaySeconds()).hasValue(417);
        assertThat(findings.hops().get(2).delaySeconds()).isEmpty();
    }

    @Test
    void forgedLowerHopBreaksTheChain() {
        HeaderFindings findings = examine("gmail-interpol-forged.eml");

        assertThat(codes(findings.hops().get(2))).contains("broken_chain");
        assertThat(codes(findings.hops().get(1))).doesNotContain("broken_chain");
        assertThat(findings.hasWarning("broken_chain")).isTrue();
    }

    @Test
    void originatingIpComesFromTheBoundaryHop() {
        HeaderFindings findings = examine("gmail-interpol-forged.eml");

        assertThat(findings.receivingOrganisations()).contains("google.com").doesNotContain("vps-hosting.net");
        assertThat(findings.origin()).hasValueSatisfying(origin -> {
            assertThat(origin.ip()).isEqualTo("185.220.101.45");
            assertThat(origin.hopPosition()).isEqualTo(1);
            assertThat(origin.recordedByReceiver()).isTrue();
        });
    }

    @Test
    void hopsBelowTheBoundaryAreClaimedBySender() {
        HeaderFindings findings = examine("gmail-interpol-forged.eml");

        assertThat(findings.hops()).extracting(Hop::claimedBySender).containsExactly(false, false, true);
    }

    @Test
    void authenticationResultsBelowTheBoundaryAreNotTrusted() {
        HeaderFindings findings = examine("gmail-interpol-forged.eml");

        List<AuthenticationHeader> untrusted = findings.authentication().headers().stream()
                .filter(header -> !header.trusted())
                .toList();
        assertThat(untrusted).singleElement().satisfies(header -> {
            assertThat(header.authservId()).contains("mx.google.com");
            assertThat(header.results())
                    .extracting(HeaderFindings.AuthenticationResult::result)
                    .containsOnly("pass");
        });
        assertThat(findings.hasWarning("receiver_results_below_boundary")).isTrue();
        // the forged dkim=pass never reaches the summary
        assertThat(findings.authentication().dkim().result()).isEqualTo("absent");
        assertThat(findings.authentication().dkim().trusted()).isFalse();
    }

    @Test
    void receiverResultsJustBelowItsOwnHopAreTrusted() {
        HeaderFindings findings = examine("gmail-interpol-forged.eml");

        assertThat(findings.authentication().spf().result()).isEqualTo("softfail");
        assertThat(findings.authentication().spf().trusted()).isTrue();
        assertThat(findings.authentication().dmarc().result()).isEqualTo("fail");
        assertThat(findings.authentication().dmarc().domain()).contains("gmail.com");
        assertThat(findings.authentication().headers())
                .filteredOn(header -> header.name().equals("Received-SPF"))
                .singleElement()
                .satisfies(header -> assertThat(header.trusted()).isTrue());
    }

    @Test
    void interpolDisplayNameOnGmailIsImpersonation() {
        HeaderFindings findings = examine("gmail-interpol-forged.eml");

        assertThat(findings.hasMismatch("display_name_impersonates_authority")).isTrue();
        assertThat(findings.hasMismatch("from_free_mail")).isTrue();
        assertThat(findings.hasMismatch("reply_to_other_organisation")).isTrue();
        assertThat(findings.hasMismatch("return_path_other_organisation")).isTrue();
        assertThat(findings.hasMismatch("message_id_other_organisation")).isTrue();
    }

    @Test
    void claimedIpAndSendingClientAreReported() {
        HeaderFindings findings = examine("gmail-interpol-forged.eml");

        assertThat(findings.claimedIps()).singleElement().satisfies(claimed -> {
            assertThat(claimed.header()).isEqualTo("X-Originating-IP");
            assertThat(claimed.ip()).contains("41.202.219.77");
        });
        assertThat(findings.sendingClient()).contains("Microsoft Outlook 16.0");
        assertThat(findings.messageIdDomain()).contains("interpol-cybercrime.org");
        assertThat(findings.date()).isPresent();
    }

    @Test
    void internalIpv6HopsOfTheReceiverAreSkipped() {
        HeaderFindings findings = examine("outlook-gendarmerie-ipv6.eml");

        assertThat(findings.receivingOrganisations())
                .contains("outlook.com", "office365.com")
                .doesNotContain("gendarmerie-amendes.fr");
        assertThat(findings.hops().get(1).ip()).contains("2603:10a6:10:230::27");
        assertThat(findings.origin()).hasValueSatisfying(origin -> {
            assertThat(origin.ip()).isEqualTo("2a01:4f8:c17:1234::1");
            assertThat(origin.hopPosition()).isEqualTo(3);
            assertThat(origin.recordedByReceiver()).isTrue();
        });
        assertThat(findings.warnings()).extracting(HeaderFindings.Anomaly::code).doesNotContain("broken_chain");
    }

    @Test
    void operatorSiblingsAreListedInOneOrderInEveryRun() {
        HeaderFindings findings = examine("outlook-gendarmerie-ipv6.eml");

        assertThat(findings.receivingOrganisations())
                .containsSubsequence("outlook.com", "office365.com", "exchangelabs.com", "microsoft.com", "office.com");
    }

    @Test
    void authenticationPropertiesKeepTheOrderTheyWereWrittenIn() {
        var parsed = AuthResultsParser.authenticationResults(
                "mx.example.org; spf=pass smtp.mailfrom=a.example smtp.helo=b.example policy.one=1 policy.two=2"
                        + " policy.three=3 policy.four=4",
                false);

        assertThat(parsed.results().get(0).properties().keySet())
                .containsExactly(
                        "smtp.mailfrom", "smtp.helo", "policy.one", "policy.two", "policy.three", "policy.four");
    }

    @Test
    void microsoftAuthenticationResultsWithoutAuthservIdAreRead() {
        HeaderFindings findings = examine("outlook-gendarmerie-ipv6.eml");

        AuthenticationHeader results = findings.authentication().headers().get(0);
        assertThat(results.authservId()).isEmpty();
        assertThat(results.trusted()).isTrue();
        assertThat(results.results())
                .extracting(HeaderFindings.AuthenticationResult::method)
                .containsExactly("spf", "dkim", "dmarc", "compauth");
        assertThat(results.results().get(3).reason()).contains("601");
    }

    @Test
    void spfVerdictConcernsTheEnvelopeSenderNotTheFrom() {
        HeaderFindings findings = examine("outlook-gendarmerie-ipv6.eml");

        assertThat(findings.authentication().spf().result()).isEqualTo("pass");
        assertThat(findings.authentication().spf().domain()).contains("mailer.gendarmerie-amendes.fr");
        assertThat(findings.authentication().dmarc().result()).isEqualTo("none");
        assertThat(findings.authentication().dmarc().domain()).contains("outlook.fr");
    }

    @Test
    void encodedFromIsReadDecoded() {
        HeaderFindings findings = examine("outlook-gendarmerie-ipv6.eml");

        assertThat(findings.senders().from()).hasValueSatisfying(from -> {
            assertThat(from.displayName()).isEqualTo("Gendarmerie nationale");
            assertThat(from.domain()).isEqualTo("outlook.fr");
        });
    }

    @Test
    void gendarmerieDisplayNameOnOutlookIsImpersonation() {
        HeaderFindings findings = examine("outlook-gendarmerie-ipv6.eml");

        assertThat(findings.mismatches())
                .filteredOn(mismatch -> mismatch.code().equals("display_name_impersonates_authority"))
                .singleElement()
                .satisfies(mismatch -> assertThat(mismatch.detail()).contains("gendarmerie", "outlook.fr"));
        assertThat(findings.claimedIps())
                .extracting(HeaderFindings.ClaimedIp::ip)
                .containsExactly(java.util.Optional.of("2a01:4f8:c17:1234::1"));
        assertThat(findings.sendingClient()).contains("Roundcube Webmail/1.6.5");
    }

    @Test
    void eximIpv6HopIsReadWithItsHelo() {
        HeaderFindings findings = examine("postfix-exim-messy.eml");

        Hop entry = findings.hops().get(2);
        assertThat(entry.helo()).contains("mail.example-shop.fr");
        assertThat(entry.ip()).contains("2a01:4f8:c17:1234::1");
        assertThat(findings.origin())
                .hasValueSatisfying(origin -> assertThat(origin.hopPosition()).isEqualTo(2));
        assertThat(findings.hops().get(3).with()).contains("ESMTPA");
        assertThat(findings.hops().get(3).ip()).contains("10.0.3.7");
    }

    @Test
    void negativeDelayBetweenHopsIsAnAnomaly() {
        HeaderFindings findings = examine("postfix-exim-messy.eml");

        // the Exim hop below is dated 10:16:40, the Postfix hop above it 10:15:01
        assertThat(findings.hops().get(2).delaySeconds()).hasValue(-99);
        assertThat(codes(findings.hops().get(2))).contains("negative_delay");
        assertThat(codes(findings.hops().get(1))).doesNotContain("negative_delay");
    }

    @Test
    void hopDatedAfterTheTopHopIsInTheFuture() {
        HeaderFindings findings = examine("postfix-exim-messy.eml");

        assertThat(codes(findings.hops().get(3))).contains("future_date");
        assertThat(codes(findings.hops().get(2))).doesNotContain("future_date");
    }

    @Test
    void hopWithUnparseableDateIsAnAnomalyAndTheRestIsStillRead() {
        HeaderFindings findings = examine("postfix-exim-messy.eml");

        Hop last = findings.hops().get(5);
        assertThat(last.date()).isEmpty();
        assertThat(codes(last)).containsExactly("unparseable_hop_date");
        assertThat(codes(findings.hops().get(4)))
                .as("qmail's local hop is not broken")
                .isEmpty();
        assertThat(findings.authentication().dkim().result()).isEqualTo("pass");
        assertThat(findings.authentication().dkim().domain()).contains("example-shop.fr");
    }

    @Test
    void goStyleDateHeaderIsRead() {
        HeaderFindings findings = examine("postfix-exim-messy.eml");

        assertThat(findings.date())
                .hasValueSatisfying(date -> assertThat(date.toString()).isEqualTo("2024-03-04T09:14:58Z"));
        assertThat(findings.hasWarning("unparseable_date")).isFalse();
    }

    @Test
    void receivedSpfGivesTheEnvelopeDomain() {
        HeaderFindings findings = examine("postfix-exim-messy.eml");

        assertThat(findings.authentication().spf().result()).isEqualTo("pass");
        assertThat(findings.authentication().spf().domain()).contains("lettre-info.example-shop.fr");
        assertThat(findings.hasMismatch("return_path_other_address")).isTrue();
        assertThat(findings.hasMismatch("return_path_other_organisation")).isFalse();
    }

    @Test
    void privateFromIpIsSkippedAndALowerOriginIsOnlyClaimed() {
        HeaderFindings findings = examine("no-date-hidden-origin.eml");

        assertThat(findings.origin()).hasValueSatisfying(origin -> {
            assertThat(origin.ip()).isEqualTo("91.121.87.10");
            assertThat(origin.hopPosition()).isEqualTo(3);
            assertThat(origin.helo()).contains("laptop");
            assertThat(origin.recordedByReceiver()).isFalse();
        });
        assertThat(findings.hops().get(3).claimedBySender()).isTrue();
    }

    @Test
    void missingDateIsAWarning() {
        HeaderFindings findings = examine("no-date-hidden-origin.eml");

        assertThat(findings.date()).isEmpty();
        assertThat(findings.hasWarning("missing_date")).isTrue();
    }

    @Test
    void hopWithoutAnyClauseIsUnparseable() {
        HeaderFindings findings = examine("no-date-hidden-origin.eml");

        assertThat(codes(findings.hops().get(4))).contains("unparseable_hop");
        assertThat(findings.warnings()).extracting(HeaderFindings.Anomaly::code).doesNotContain("broken_chain");
    }

    @Test
    void displayNameWithAnotherAddressIsAMismatch() {
        HeaderFindings findings = examine("no-date-hidden-origin.eml");

        assertThat(findings.hasMismatch("display_name_contains_other_address")).isTrue();
        assertThat(findings.hasMismatch("sender_other_organisation")).isTrue();
        assertThat(findings.hasMismatch("reply_to_other_address")).isFalse();
        assertThat(findings.hasMismatch("reply_to_other_organisation")).isFalse();
    }

    @Test
    void authorityAtItsOwnDomainIsNotImpersonation() {
        HeaderFindings findings = forensics.examine(
                List.of(new Header(0, "From", "INTERPOL Notifications <noreply@interpol.int>", "")), new byte[0]);

        assertThat(findings.hasMismatch("display_name_impersonates_authority")).isFalse();
        assertThat(findings.hasMismatch("from_free_mail")).isFalse();
    }

    @Test
    void authorityNamesMatchWithoutAccentsOrCase() {
        HeaderFindings findings = forensics.examine(
                List.of(new Header(0, "From", "\"MINISTERE de la Justice\" <greffe@justice-convocation.com>", "")),
                new byte[0]);

        assertThat(findings.hasMismatch("display_name_impersonates_authority")).isTrue();
    }

    @Test
    void authorityNameInsideAnotherWordIsNotMatched() {
        HeaderFindings findings = forensics.examine(
                List.of(new Header(0, "From", "Policemen Fan Club <club@fans-example.com>", "")), new byte[0]);

        assertThat(findings.hasMismatch("display_name_impersonates_authority")).isFalse();
    }

    @Test
    void emptyHeadersGiveWarningsNotErrors() {
        HeaderFindings findings = forensics.examine(List.of(), null);

        assertThat(findings.hops()).isEmpty();
        assertThat(findings.origin()).isEmpty();
        assertThat(findings.authentication().spf().result()).isEqualTo("absent");
        assertThat(findings.warnings())
                .extracting(HeaderFindings.Anomaly::code)
                .contains("no_received_headers", "missing_date", "missing_from");
    }
}
