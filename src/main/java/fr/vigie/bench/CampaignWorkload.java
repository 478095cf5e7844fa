package fr.vigie.bench;

import fr.vigie.i18n.Lang;
import fr.vigie.identifier.Email;
import fr.vigie.identifier.Identifier;
import fr.vigie.identifier.Phone;
import fr.vigie.report.Channel;
import fr.vigie.report.Contact;
import fr.vigie.report.EvidenceFile;
import fr.vigie.report.Loss;
import fr.vigie.report.NewReport;
import fr.vigie.report.PaymentMethod;
import fr.vigie.report.Situation;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * One synthetic campaign for the dossier benchmark: every report carries the campaign's e-mail (a fake summons, with
 * full headers from one of a few sending servers) and two of its identifiers. Each identifier is shared by at most
 * {@link #GROUP} reports, under the linker's "too common" floor, and the groups overlap, so the reports form one
 * campaign of exactly the size asked. The same seed gives the same reports.
 */
public final class CampaignWorkload {
    /** Reports that share one identifier. */
    public static final int GROUP = 50;

    private static final String[] SERVERS = {
        "185.220.101.33 smtp.bulk-mailer.example.com",
        "45.137.21.9 mail.cheap-vps.example.net",
        "194.26.29.110 relay7.sender-farm.example.org",
        "103.152.118.41 out.mass-send.example.com",
        "91.92.240.17 mta.bulk-mailer.example.com"
    };
    private static final String[] COUNTRIES = {"FR", "FR", "FR", "BE", "CH", "CA", "SN", "CI"};

    private final SplittableRandom random;
    private int made;

    public CampaignWorkload(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** The next report of the campaign. */
    public NewReport next() {
        int n = made++;
        Identifier email = Email.parse("commissaire.martin" + (n / GROUP) + "@brigade-convocation.example.com")
                .orElseThrow();
        Identifier phone = Phone.parse(String.format("+33 6 12 %02d %02d 00", 10 + (n + GROUP / 2) / GROUP % 80, 11))
                .orElseThrow();
        int amount = 50 * (1 + random.nextInt(40));
        String[] server =
                SERVERS[Math.min(SERVERS.length - 1, (int) Math.floor(-Math.log(random.nextDouble()) * 1.2))].split(
                        " ");
        LocalDate day = LocalDate.of(2026, 3, 1).plusDays(random.nextInt(240));
        Optional<Contact> victim = random.nextInt(100) < 60
                ? Optional.of(new Contact(
                        Optional.of("Victime " + n), Optional.of("victime" + n + "@example.org"), Optional.empty()))
                : Optional.empty();
        List<Loss> losses = random.nextInt(100) < 35
                ? List.of(new Loss(
                        BigDecimal.valueOf(amount),
                        random.nextInt(10) == 0 ? "XOF" : "EUR",
                        random.nextBoolean() ? PaymentMethod.COUPON : PaymentMethod.TRANSFER,
                        Optional.of(day.plusDays(1))))
                : List.of();
        byte[] message = message(n, email.normalized(), phone.display(), amount, server[0], server[1], day);
        return new NewReport(
                victim,
                new Situation(random.nextInt(100) < 4, COUNTRIES[random.nextInt(COUNTRIES.length)], Lang.FR),
                Channel.EMAIL,
                "J'ai reçu une convocation de la brigade des mineurs et on me demande " + amount + " euros.",
                Optional.of(day),
                Optional.of(day.plusDays(random.nextInt(5))),
                losses,
                List.of(email, phone),
                List.of(new EvidenceFile("convocation-" + n + ".eml", "message/rfc822", message)),
                "bench");
    }

    private static byte[] message(
            int n, String replyTo, String phone, int amount, String ip, String helo, LocalDate day) {
        String date = day.getDayOfMonth() + " " + MONTHS[day.getMonthValue() - 1] + " " + day.getYear() + " 10:15:0"
                + (n % 10) + " +0100";
        return ("Return-Path: <bounce-" + n + "@" + helo.substring(helo.indexOf('.') + 1) + ">\r\n"
                        + "Authentication-Results: mx.victim-mail.example.fr; spf=fail smtp.mailfrom="
                        + helo.substring(helo.indexOf('.') + 1) + "; dkim=none; dmarc=fail header.from=gmail.com\r\n"
                        + "Received: from mx.victim-mail.example.fr (mx.victim-mail.example.fr [193.252.22.1])\r\n"
                        + "\tby mail.victim-mail.example.fr (Postfix) with ESMTPS id 4XyZ" + n + "; " + date + "\r\n"
                        + "Received: from " + helo + " (unknown [" + ip + "])\r\n"
                        + "\tby mx.victim-mail.example.fr (Postfix) with ESMTP id 9A" + n + "; " + date + "\r\n"
                        + "From: \"Brigade des mineurs - Police nationale\" <convocation.police" + (n % 7)
                        + "@gmail.com>\r\n"
                        + "Reply-To: " + replyTo + "\r\n"
                        + "To: victime" + n + "@example.org\r\n"
                        + "Subject: CONVOCATION JUDICIAIRE N° 2026-" + (1000 + n) + "\r\n"
                        + "Date: " + date + "\r\n"
                        + "Message-ID: <" + n + "." + Integer.toHexString(n * 7919) + "@" + helo + ">\r\n"
                        + "X-Mailer: BulkSender 4." + (n % 3) + "\r\n"
                        + "MIME-Version: 1.0\r\n"
                        + "Content-Type: text/plain; charset=utf-8\r\n"
                        + "Content-Transfer-Encoding: 8bit\r\n\r\n"
                        + "Madame, Monsieur,\r\n\r\n"
                        + "Vous êtes convoqué(e) pour des faits graves relevés par la brigade des mineurs.\r\n"
                        + "Pour éviter des poursuites, réglez l'amende de " + amount
                        + " € en coupons PCS sous 48 heures,\r\n"
                        + "puis envoyez les codes au commissaire Martin (" + replyTo + ", " + phone + ").\r\n\r\n"
                        + "Commissaire Martin, brigade des mineurs\r\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static final String[] MONTHS = {
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"
    };
}
