package dev.auditsdk.testkit.boomi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;

/**
 * Renders Platform API answers in Boomi's default XML form, which is what a client gets when
 * it forgets {@code Accept: application/json}.
 */
final class BoomiXml {
    private static final String NS = " xmlns:bns=\"http://api.platform.boomi.com/\""
            + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"";

    private BoomiXml() {
    }

    static byte[] render(ObjectNode body) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        String type = body.path("@type").asText("AuditLog");
        if (type.equals("QueryResult")) {
            xml.append("<bns:QueryResult").append(NS).append(" numberOfResults=\"")
                    .append(body.path("numberOfResults").asInt()).append("\">");
            if (body.has("queryToken")) {
                xml.append("<bns:queryToken>").append(escape(body.get("queryToken").asText())).append("</bns:queryToken>");
            }
            for (JsonNode r : body.path("result")) {
                auditLog(xml, "bns:result", r, " xsi:type=\"bns:AuditLog\"");
            }
            xml.append("</bns:QueryResult>");
        } else if (type.equals("AuditLog")) {
            auditLog(xml, "bns:AuditLog", body, NS);
        } else {
            xml.append("<bns:").append(type).append(NS).append(">");
            for (JsonNode r : body.path("response")) {
                xml.append("<bns:response index=\"").append(r.path("index").asInt()).append("\" id=\"")
                        .append(escape(r.path("id").asText())).append("\" statusCode=\"")
                        .append(escape(r.path("statusCode").asText())).append("\">");
                if (r.has("Result")) {
                    auditLog(xml, "bns:Result", r.get("Result"), " xsi:type=\"bns:AuditLog\"");
                }
                xml.append("</bns:response>");
            }
            xml.append("</bns:").append(type).append(">");
        }
        return xml.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void auditLog(StringBuilder xml, String element, JsonNode e, String extra) {
        xml.append('<').append(element).append(extra);
        for (Iterator<Map.Entry<String, JsonNode>> it = e.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> f = it.next();
            if (f.getValue().isValueNode() && !f.getKey().startsWith("@")) {
                xml.append(' ').append(f.getKey()).append("=\"").append(escape(f.getValue().asText())).append('"');
            }
        }
        xml.append('>');
        for (JsonNode p : e.path("AuditLogProperty")) {
            xml.append("<bns:AuditLogProperty");
            for (String a : new String[] {"name", "value", "previousValue"}) {
                if (p.has(a)) {
                    xml.append(' ').append(a).append("=\"").append(escape(p.get(a).asText())).append('"');
                }
            }
            xml.append("/>");
        }
        xml.append("</").append(element).append('>');
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
