package fr.vigie.model;

import fr.vigie.app.App;
import fr.vigie.app.Config;
import fr.vigie.harmonise.Harmoniser;
import fr.vigie.rules.Schemes;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * A dozen short texts of our own, and the generator of the old-model fixture {@code model/tiny-model-v1.vgm.gz}
 * (run {@code ./mvnw test -Dtest=ScamModelTest#writeModelFixture -Dvigie.writeModelFixture=src/test/resources/model/tiny-model-v1.vgm.gz}
 * once per file format, and keep the old files).
 */
final class TinyCorpus {
    static final Harmoniser HARMONISER = new App(Config.defaults()).harmoniser();

    static final List<String> SCAMS = List.of(
            "INTERPOL convocation: you are accused of child pornography, pay the fine by PCS coupon within 48 hours",
            "Police judiciaire: convocation urgente, payez l'amende en coupons Transcash sous 72 heures",
            "Your parcel is held at customs, pay 1.99 EUR now at the tracking link to release it",
            "Votre colis est en attente, reglez 1,99 EUR de frais de livraison sur ce lien",
            "I recorded you through your webcam, send 500 dollars in bitcoin or the video goes to your contacts",
            "Congratulations you have won the lottery prize, send the processing fee to claim your award");

    static final List<String> LEGITIMATE = List.of(
            "Hi Marc, are we still on for dinner at Julie's on Saturday? I'll bring the dessert",
            "Salut, on se retrouve au cinema demain soir vers 20h ? Bises",
            "The meeting notes from Tuesday are attached, please review the budget section before Friday",
            "Merci pour le pret de la perceuse, je te la rends dimanche au marche",
            "Mum says the cat is fine and the garden needs watering while we are away",
            "Reminder: football practice moves to the north field this week, bring water");

    private TinyCorpus() {}

    static List<ModelTrainer.Labelled> labelled() {
        List<ModelTrainer.Labelled> all = new ArrayList<>();
        String[] schemes = {"fake_authority", "fake_authority", "delivery", "delivery", "sextortion", "lottery"};
        for (int i = 0; i < SCAMS.size(); i++) {
            all.add(new ModelTrainer.Labelled(
                    HARMONISER.harmoniseText(SCAMS.get(i)), schemes[i], KeyedSplit.Side.TRAIN));
        }
        for (String text : LEGITIMATE) {
            all.add(new ModelTrainer.Labelled(
                    HARMONISER.harmoniseText(text), Schemes.LEGITIMATE, KeyedSplit.Side.TRAIN));
        }
        return all;
    }

    static ModelTrainer.Options options() {
        return new ModelTrainer.Options(
                ModelTrainer.DEFAULT_SEED, 30, 0.5, 1, 3.0, 0.005, false, new Features(Features.VERSION, 1 << 10));
    }

    static ScamModel train() {
        return ModelTrainer.train(labelled(), options(), OffsetDateTime.parse("2026-01-01T00:00:00Z"), "test")
                .model();
    }

    static byte[] bytes(ScamModel model) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        model.write(out);
        return out.toByteArray();
    }

    static void writeFixture(Path path) throws IOException {
        try (OutputStream out = Files.newOutputStream(path)) {
            train().write(out);
        }
    }
}
