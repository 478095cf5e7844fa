package fr.vigie.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.vigie.detect.Analysis;
import fr.vigie.detect.RedFlag;
import fr.vigie.forensics.HeaderFindings;
import fr.vigie.forensics.HeaderFindings.Hop;
import fr.vigie.forensics.HeaderFindings.MailAddress;
import fr.vigie.forensics.HeaderFindings.Verdict;
import fr.vigie.harmonise.Harmonised;
import fr.vigie.i18n.Lang;
import fr.vigie.identifier.Found;
import fr.vigie.message.Attachment;
import fr.vigie.message.TextPart;
import fr.vigie.message.Warning;
import fr.vigie.orient.Orientation;
import fr.vigie.orient.Step;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The JSON answer of {@code vigie check --json} and {@code POST /api/check}. Built field by field, not by
 * reflection: a field once published keeps its name and meaning (JSON fields are forever).
 */
public final class CheckJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private CheckJson() {}

    public static String line(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain nodes always serialises", e);
        }
    }

    /** The whole answer with the steps to take: facts, detection and orientation in the answer's language. */
    public static ObjectNode of(Harmonised h, Analysis analysis, Orientation orientation, Lang lang) {
        ObjectNode root = of(h, analysis, lang);
        root.set("orientation", orientation(orientation));
        return root;
    }

    /**
     * The steps to take, most urgent first: {@code jurisdiction} (the table's country, or {@code general}) and
     * {@code steps}, each {@code service}, {@code title}, {@code reason}, {@code urgency} and {@code contact}
     * ({@code site}, {@code phone}, {@code address}, each only when known).
     */
    public static ObjectNode orientation(Orientation orientation) {
        ObjectNode node = NODES.objectNode();
        node.put("jurisdiction", orientation.jurisdiction());
        ArrayNode steps = node.putArray("steps");
        for (Step step : orientation.steps()) {
            ObjectNode o = steps.addObject();
            o.put("service", step.serviceId());
            o.put("title", step.title());
            o.put("reason", step.reason());
            o.put("urgency", step.urgency().id());
            ObjectNode contact = o.putObject("contact");
            step.contact().site().ifPresent(site -> contact.put("site", site));
            step.contact().phone().ifPresent(phone -> contact.put("phone", phone));
            step.contact().address().ifPresent(address -> contact.put("address", address));
        }
        return node;
    }

    /** The facts and detection, without orientation (the analysis kept with a report's evidence). */
    public static ObjectNode of(Harmonised h, Analysis analysis, Lang lang) {
        ObjectNode root = of(h);
        root.put("answerLanguage", lang.id());
        root.put("verdict", analysis.verdict().id());
        root.put("score", analysis.score());
        ArrayNode types = root.putArray("scamTypes");
        analysis.scamTypes()
                .forEach(t -> types.addObject().put("type", t.type()).put("confidence", t.confidence()));
        ArrayNode flags = root.putArray("redFlags");
        for (RedFlag flag : analysis.redFlags()) {
            ObjectNode node = flags.addObject();
            node.put("id", flag.ruleId());
            node.put("type", flag.scheme());
            node.put("group", flag.group());
            node.put("weight", flag.weight());
            node.put("explanation", lang == Lang.FR ? flag.explanationFr() : flag.explanationEn());
            ArrayNode evidence = node.putArray("evidence");
            flag.evidence()
                    .forEach(e -> evidence.addObject()
                            .put("text", e.text())
                            .put("start", e.start())
                            .put("end", e.end())
                            .put("part", e.part()));
        }
        ObjectNode model = root.putObject("model");
        model.put("pScam", Math.round(analysis.model().pScam() * 1000) / 1000.0);
        model.put("ruleScore", Math.round(analysis.ruleScore().total() * 100) / 100.0);
        ArrayNode advice = root.putArray("advice");
        analysis.advice().forEach(a -> advice.addObject().put("id", a.id()).put("text", a.text(lang)));
        return root;
    }

    public static ObjectNode of(Harmonised h) {
        ObjectNode root = NODES.objectNode();
        root.put("kind", h.kind().id());
        root.put("sha256", h.evidence().sha256());
        root.put("size", h.evidence().size());
        root.put("language", h.language());
        root.put("subject", h.subject());
        root.set("headers", h.findings().map(CheckJson::headers).orElse(null));
        root.set("indicators", indicators(h));
        root.set("parts", parts(h.parts()));
        root.set("attachments", attachments(h.attachments()));
        root.set("warnings", warnings(h.warnings()));
        root.putNull("verdict"); // filled by detection; null when only harmonisation ran
        return root;
    }

    /** A refused input, in the same stream as the answers (JSON Lines for an mbox). */
    public static ObjectNode error(String code, String detail) {
        ObjectNode root = NODES.objectNode();
        ObjectNode error = root.putObject("error");
        error.put("code", code);
        error.put("detail", detail);
        return root;
    }

    private static ArrayNode indicators(Harmonised h) {
        ArrayNode array = NODES.arrayNode();
        for (Found found : h.identifiers()) {
            ObjectNode node = array.addObject();
            node.put("kind", found.identifier().kind().id());
            node.put("value", found.written());
            node.put("normalized", found.identifier().normalized());
            node.put("display", found.identifier().display());
            ObjectNode location = node.putObject("location");
            location.put("part", found.span().part());
            location.put("start", found.span().start());
            location.put("end", found.span().end());
            node.put("recipient", h.recipients().contains(found.identifier().normalized()));
        }
        return array;
    }

    private static ObjectNode headers(HeaderFindings f) {
        ObjectNode node = NODES.objectNode();
        ArrayNode hops = node.putArray("hops");
        f.hops().forEach(hop -> hops.add(hop(hop)));
        node.set(
                "originatingIp",
                f.origin()
                        .map(origin -> {
                            ObjectNode o = NODES.objectNode();
                            o.put("ip", origin.ip());
                            o.put("hop", origin.hopPosition());
                            put(o, "reverseDns", origin.reverseDns());
                            put(o, "helo", origin.helo());
                            o.put("recordedByReceiver", origin.recordedByReceiver());
                            return (JsonNode) o;
                        })
                        .orElse(null));
        ArrayNode claimed = node.putArray("claimedIps");
        f.claimedIps().forEach(c -> {
            ObjectNode o = claimed.addObject();
            o.put("header", c.header());
            put(o, "ip", c.ip());
        });
        node.set("spf", verdict(f.authentication().spf()));
        node.set("dkim", verdict(f.authentication().dkim()));
        node.set("dmarc", verdict(f.authentication().dmarc()));
        node.set("arc", verdict(f.authentication().arc()));
        ArrayNode authHeaders = node.putArray("authenticationHeaders");
        f.authentication().headers().forEach(a -> {
            ObjectNode o = authHeaders.addObject();
            o.put("header", a.name());
            put(o, "authservId", a.authservId());
            o.put("trusted", a.trusted());
            ArrayNode results = o.putArray("results");
            a.results()
                    .forEach(r -> results.addObject().put("method", r.method()).put("result", r.result()));
        });
        ArrayNode signatures = node.putArray("dkimSignatures");
        f.dkimSignatures().forEach(s -> {
            ObjectNode o = signatures.addObject();
            put(o, "domain", s.domain());
            put(o, "selector", s.selector());
            o.put("result", s.result());
        });
        ObjectNode senders = node.putObject("senders");
        address(senders, "from", f.senders().from());
        address(senders, "replyTo", f.senders().replyTo());
        address(senders, "returnPath", f.senders().returnPath());
        address(senders, "sender", f.senders().sender());
        ArrayNode mismatches = node.putArray("mismatches");
        f.mismatches().forEach(m -> mismatches.addObject().put("code", m.code()).put("detail", m.detail()));
        node.put("date", f.date().map(Object::toString).orElse(null));
        put(node, "sendingClient", f.sendingClient());
        put(node, "messageIdDomain", f.messageIdDomain());
        ArrayNode warnings = node.putArray("warnings");
        f.warnings().forEach(w -> warnings.addObject().put("code", w.code()).put("detail", w.detail()));
        return node;
    }

    private static ObjectNode hop(Hop hop) {
        ObjectNode o = NODES.objectNode();
        put(o, "from", hop.helo());
        put(o, "reverseDns", hop.reverseDns());
        put(o, "ip", hop.ip());
        put(o, "by", hop.by());
        put(o, "with", hop.with());
        o.put("date", hop.date().map(Object::toString).orElse(null));
        put(o, "delaySeconds", hop.delaySeconds());
        o.put("claimedBySender", hop.claimedBySender());
        ArrayNode anomalies = o.putArray("anomalies");
        hop.anomalies().forEach(a -> anomalies.addObject().put("code", a.code()).put("detail", a.detail()));
        return o;
    }

    private static ObjectNode verdict(Verdict v) {
        ObjectNode o = NODES.objectNode();
        o.put("result", v.result());
        put(o, "domain", v.domain());
        o.put("trusted", v.trusted());
        return o;
    }

    private static void address(ObjectNode parent, String field, Optional<MailAddress> address) {
        if (address.isEmpty()) {
            parent.putNull(field);
            return;
        }
        ObjectNode o = parent.putObject(field);
        o.put("displayName", address.get().displayName());
        o.put("address", address.get().address());
        o.put("domain", address.get().domain());
    }

    private static ArrayNode parts(List<TextPart> parts) {
        ArrayNode array = NODES.arrayNode();
        for (TextPart p : parts) {
            ObjectNode o = array.addObject();
            o.put("part", p.name());
            o.put("contentType", p.contentType());
            o.put("charset", p.charset());
            o.put("fromHtml", p.fromHtml());
            o.put("chars", p.text().length());
            o.put("links", p.links().size());
        }
        return array;
    }

    private static ArrayNode attachments(List<Attachment> attachments) {
        ArrayNode array = NODES.arrayNode();
        for (Attachment a : attachments) {
            array.addObject()
                    .put("filename", a.filename())
                    .put("contentType", a.contentType())
                    .put("size", a.size())
                    .put("sha256", a.sha256());
        }
        return array;
    }

    private static ArrayNode warnings(List<Warning> warnings) {
        ArrayNode array = NODES.arrayNode();
        warnings.forEach(w -> array.addObject().put("code", w.code()).put("detail", w.detail()));
        return array;
    }

    private static void put(ObjectNode o, String field, Optional<String> value) {
        o.put(field, value.orElse(null));
    }

    private static void put(ObjectNode o, String field, OptionalLong value) {
        if (value.isPresent()) {
            o.put(field, value.getAsLong());
        } else {
            o.putNull(field);
        }
    }
}
