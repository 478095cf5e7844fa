package fr.vigie.forensics;

import static org.assertj.core.api.Assertions.assertThat;

import fr.vigie.forensics.HeaderFindings.Anomaly;
import fr.vigie.forensics.ReceivedParser.ParsedHop;
import org.junit.jupiter.api.Test;

class ReceivedParserTest {
    private static ParsedHop hop(String value) {
        return ReceivedParser.parse(0, value);
    }

    @Test
    void postfixHopKeepsHeloReverseNameAndIp() {
        ParsedHop hop = hop("from laptop.home (unknown [91.121.87.10]) by smtp.example.fr (Postfix) with ESMTPSA"
                + " id 4TmZx91Ks2z for <a@example.fr>; Fri,  1 Mar 2024 10:00:00 +0100 (CET)");

        assertThat(hop.helo()).contains("laptop.home");
        assertThat(hop.reverseDns()).isEmpty();
        assertThat(hop.ip()).contains("91.121.87.10");
        assertThat(hop.by()).contains("smtp.example.fr");
        assertThat(hop.with()).contains("ESMTPSA");
        assertThat(hop.id()).contains("4TmZx91Ks2z");
        assertThat(hop.recipient()).contains("a@example.fr");
        assertThat(hop.date()).isPresent();
        assertThat(hop.anomalies()).isEmpty();
    }

    @Test
    void sendmailMayBeForgedCommentKeepsTheReverseName() {
        ParsedHop hop = hop("from fake.bank.example (user@host-5.isp.example [62.210.16.61] (may be forged))"
                + " by relay.example.net (8.15.2/8.15.2) with ESMTP id 21ABC; Fri, 1 Mar 2024 10:00:00 -0500");

        assertThat(hop.helo()).contains("fake.bank.example");
        assertThat(hop.reverseDns()).contains("host-5.isp.example");
        assertThat(hop.ip()).contains("62.210.16.61");
    }

    @Test
    void qmailHopReadsHeloFromTheCommentAndABareIp() {
        ParsedHop hop = hop("from unknown (HELO mail.x.example) (62.210.16.61) by mx.y.example with SMTP;"
                + " 1 Mar 2024 09:00:00 -0000");

        assertThat(hop.helo()).contains("mail.x.example");
        assertThat(hop.reverseDns()).isEmpty();
        assertThat(hop.ip()).contains("62.210.16.61");
        assertThat(hop.with()).contains("SMTP");
    }

    @Test
    void heloAndIpv6LiteralInSeparateCommentsAreRead() {
        ParsedHop hop = hop("from x.example (HELO x.example) ([2A01:4F8:0:0::1]) by mx.y.example with ESMTP;"
                + " Fri, 1 Mar 2024 10:00:00 +0000");

        assertThat(hop.helo()).contains("x.example");
        assertThat(hop.ip()).contains("2a01:4f8::1");
    }

    @Test
    void ipv6LiteralWithItsPrefixIsRead() {
        ParsedHop hop = hop("from mail.x.example (mail.x.example [IPv6:2a01:4f8:c17:1234::1]) by mx.y.example"
                + " (Postfix) with ESMTPS id 1; Fri, 1 Mar 2024 10:00:00 +0000");

        assertThat(hop.ip()).contains("2a01:4f8:c17:1234::1");
        assertThat(hop.reverseDns()).contains("mail.x.example");
    }

    @Test
    void microsoftHopReadsAnUnbracketedIpv6AndItsProtocol() {
        ParsedHop hop = hop("from AM7PR02CA0005.eurprd02.prod.outlook.com (2603:10a6:20b:100::15) by"
                + " MN2PR19MB3966.namprd19.prod.outlook.com (2603:10b6:208:1e8::10) with Microsoft SMTP Server"
                + " (version=TLS1_2, cipher=TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384) id 15.20.5769.16;"
                + " Thu, 3 Nov 2022 04:56:16 +0000");

        assertThat(hop.helo()).contains("am7pr02ca0005.eurprd02.prod.outlook.com");
        assertThat(hop.ip()).contains("2603:10a6:20b:100::15");
        assertThat(hop.by()).contains("mn2pr19mb3966.namprd19.prod.outlook.com");
        assertThat(hop.with()).contains("SMTP");
        assertThat(hop.id()).contains("15.20.5769.16");
    }

    @Test
    void gmailTrailingDotIsRemovedFromTheReverseName() {
        ParsedHop hop = hop("from mail-sor-f41.google.com (mail-sor-f41.google.com. [209.85.220.41]) by"
                + " mx.google.com with SMTPS id a1sor1 for <x@gmail.com> (Google Transport Security);"
                + " Fri, 01 Mar 2024 01:02:07 -0800 (PST)");

        assertThat(hop.reverseDns()).contains("mail-sor-f41.google.com");
        assertThat(hop.recipient()).contains("x@gmail.com");
        assertThat(hop.with()).contains("SMTPS");
    }

    @Test
    void hopWithoutClausesIsUnparseable() {
        assertThat(hop("whatever this is; Fri, 1 Mar 2024 10:00:00 +0000").anomalies())
                .extracting(Anomaly::code)
                .containsExactly("unparseable_hop");
    }

    @Test
    void hopWithoutDateSaysSo() {
        assertThat(hop("from a.example by b.example with SMTP").anomalies())
                .extracting(Anomaly::code)
                .containsExactly("missing_hop_date");
    }

    @Test
    void hopWithUnparseableDateIsAnAnomaly() {
        ParsedHop hop = hop("from a.example by b.example with SMTP; yesterday around noon");

        assertThat(hop.date()).isEmpty();
        assertThat(hop.anomalies()).extracting(Anomaly::code).containsExactly("unparseable_hop_date");
    }
}
