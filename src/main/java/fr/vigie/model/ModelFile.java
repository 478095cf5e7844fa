package fr.vigie.model;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import fr.vigie.InvalidDataFileException;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.protos.core.ModelProto;

/**
 * The model file: gzip of the magic line {@code VIGIE-MODEL}, the format version, the {@link Provenance} as JSON
 * (length-prefixed), since format 2 the feature version, bucket count and threshold as plain numbers before the
 * JSON (so a model is usable without decoding its provenance) and the {@link LinearWeights} as plain arrays after
 * it, then Tribuo's protobuf
 * {@link ModelProto} (which carries Tribuo's own provenance: trainer, hyperparameters, dataset, feature and label
 * domains). Prediction reads only the arrays (milliseconds); the protobuf, slow to rebuild into a Tribuo model, is
 * kept byte for byte for tooling and re-writing. Protobuf rather than Java serialisation: no class deserialisation
 * of untrusted bytes, and Tribuo keeps it compatible across versions. Format 1 files (no arrays) still load.
 */
public final class ModelFile {
    static final String MAGIC = "VIGIE-MODEL";
    /** The layout written by this code; older layouts stay readable. */
    public static final int FORMAT = 2;

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private ModelFile() {}

    /**
     * Where a model comes from and how to use it.
     *
     * @param trainedAt ISO-8601 time given by the trainer's caller
     * @param gitSha the commit of the training code, or "" when not given
     * @param trainingSetSha256 SHA-256 over the sorted lines {@code <evidence sha256> <scheme>} of the training set
     * @param trainingCounts training messages per scheme
     * @param splitRule {@link KeyedSplit#RULE}
     * @param threshold P(scam) at or above which the model alone calls a message a scam
     * @param thresholdRule how the threshold was chosen
     * @param hyperparameters trainer settings, as text
     * @param validation figures on the validation slice (train side) that chose the threshold
     * @param tribuo Tribuo's version and trainer description (the full Tribuo provenance is in the protobuf)
     */
    public record Provenance(
            int format,
            String trainedAt,
            String gitSha,
            String trainingSetSha256,
            SortedMap<String, Integer> trainingCounts,
            String splitRule,
            long seed,
            int featureVersion,
            int buckets,
            List<String> featureGroups,
            SortedMap<String, String> hyperparameters,
            double threshold,
            String thresholdRule,
            SortedMap<String, Double> validation,
            String tribuo) {
        public Provenance {
            trainingCounts = new TreeMap<>(trainingCounts);
            featureGroups = List.copyOf(featureGroups);
            hyperparameters = new TreeMap<>(hyperparameters);
            validation = new TreeMap<>(validation);
        }

        public Features features() {
            return new Features(featureVersion, buckets);
        }

        /** The provenance as indented JSON, for a model card or a log. */
        public String json() {
            try {
                return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(this);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    static void write(Provenance provenance, LinearWeights weights, byte[] tribuoProto, OutputStream out)
            throws IOException {
        GZIPOutputStream gzip = new GZIPOutputStream(out, 1 << 16);
        DataOutputStream data = new DataOutputStream(gzip);
        data.writeUTF(MAGIC);
        data.writeInt(FORMAT);
        data.writeInt(provenance.featureVersion());
        data.writeInt(provenance.buckets());
        data.writeDouble(provenance.threshold());
        byte[] json = JSON.writeValueAsBytes(provenance);
        data.writeInt(json.length);
        data.write(json);
        weights.write(data);
        data.write(tribuoProto);
        data.flush();
        gzip.finish();
    }

    /** A model file as read: what prediction needs, and the provenance decoded only when asked for. */
    record Read(
            Features features,
            double threshold,
            Supplier<Provenance> provenance,
            LinearWeights weights,
            byte[] tribuoProto) {}

    static Read read(InputStream in) throws IOException {
        DataInputStream data =
                new DataInputStream(new java.io.BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16));
        if (!MAGIC.equals(data.readUTF())) {
            throw new InvalidDataFileException("model", "is not a Vigie model file");
        }
        int format = data.readInt();
        if (format < 1 || format > FORMAT) {
            throw new InvalidDataFileException("model", "has format " + format + "; this Vigie reads 1 to " + FORMAT);
        }
        if (format == 1) {
            Provenance provenance = provenance(data.readNBytes(data.readInt()));
            checkFeatures(provenance.featureVersion());
            byte[] proto = data.readAllBytes();
            return new Read(
                    provenance.features(),
                    provenance.threshold(),
                    () -> provenance,
                    LinearWeights.of(tribuo(proto)),
                    proto);
        }
        int featureVersion = data.readInt();
        checkFeatures(featureVersion);
        Features features = new Features(featureVersion, data.readInt());
        double threshold = data.readDouble();
        byte[] json = data.readNBytes(data.readInt());
        LinearWeights weights = LinearWeights.read(data);
        return new Read(features, threshold, memoised(() -> provenance(json)), weights, data.readAllBytes());
    }

    private static void checkFeatures(int featureVersion) {
        if (featureVersion != Features.VERSION) {
            throw new InvalidDataFileException(
                    "model", "uses features v" + featureVersion + "; this Vigie computes v" + Features.VERSION);
        }
    }

    private static Provenance provenance(byte[] json) {
        try {
            return JSON.readValue(json, Provenance.class);
        } catch (IOException e) {
            throw new InvalidDataFileException("model", "has an unreadable provenance", e);
        }
    }

    private static <T> Supplier<T> memoised(Supplier<T> supplier) {
        return new Supplier<>() {
            private volatile T value;

            @Override
            public T get() {
                T v = value;
                if (v == null) {
                    synchronized (this) {
                        if (value == null) {
                            value = supplier.get();
                        }
                        v = value;
                    }
                }
                return v;
            }
        };
    }

    /** Rebuilds the Tribuo model from its protobuf bytes (slow: for format 1 files and for tooling). */
    static Model<Label> tribuo(byte[] proto) throws IOException {
        Model<?> model = Model.deserialize(ModelProto.parseFrom(proto));
        if (!model.validate(Label.class)) {
            throw new InvalidDataFileException("model", "is not a classification model");
        }
        @SuppressWarnings("unchecked")
        Model<Label> labels = (Model<Label>) model;
        return labels;
    }
}
