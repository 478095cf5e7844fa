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
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.protos.core.ModelProto;

/**
 * The model file: gzip of the magic line {@code VIGIE-MODEL}, the format version, the {@link Provenance} as JSON
 * (length-prefixed), then Tribuo's protobuf {@link ModelProto} (which carries Tribuo's own provenance: trainer,
 * hyperparameters, dataset, feature and label domains). Protobuf rather than Java serialisation: it loads without
 * running class deserialisation of untrusted bytes, and Tribuo keeps it compatible across versions.
 */
public final class ModelFile {
    static final String MAGIC = "VIGIE-MODEL";
    /** The layout written by this code; older layouts stay readable. */
    public static final int FORMAT = 1;

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

    static void write(Provenance provenance, Model<Label> model, OutputStream out) throws IOException {
        GZIPOutputStream gzip = new GZIPOutputStream(out, 1 << 16);
        DataOutputStream data = new DataOutputStream(gzip);
        data.writeUTF(MAGIC);
        data.writeInt(FORMAT);
        byte[] json = JSON.writeValueAsBytes(provenance);
        data.writeInt(json.length);
        data.write(json);
        model.serialize().writeTo(data);
        data.flush();
        gzip.finish();
    }

    record Read(Provenance provenance, Model<Label> model) {}

    static Read read(InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(new GZIPInputStream(in, 1 << 16));
        if (!MAGIC.equals(data.readUTF())) {
            throw new InvalidDataFileException("model", "is not a Vigie model file");
        }
        int format = data.readInt();
        if (format < 1 || format > FORMAT) {
            throw new InvalidDataFileException("model", "has format " + format + "; this Vigie reads 1 to " + FORMAT);
        }
        byte[] json = data.readNBytes(data.readInt());
        Provenance provenance = JSON.readValue(json, Provenance.class);
        if (provenance.featureVersion() != Features.VERSION) {
            throw new InvalidDataFileException(
                    "model",
                    "uses features v" + provenance.featureVersion() + "; this Vigie computes v" + Features.VERSION);
        }
        Model<?> model = Model.deserialize(ModelProto.parseFrom(data));
        if (!model.validate(Label.class)) {
            throw new InvalidDataFileException("model", "is not a classification model");
        }
        @SuppressWarnings("unchecked")
        Model<Label> labels = (Model<Label>) model;
        return new Read(provenance, labels);
    }
}
