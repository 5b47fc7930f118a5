package workshop.bundle;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * A real XML edit of a pom (DOM, not text patterns): removes the profiles the learner bundle must not carry
 * and modules it does not contain; everything else (comments, order, indentation) stays as it was.
 */
final class PomEdit {

    private PomEdit() {
    }

    /**
     * The pom without the profiles whose id is in {@code profileIds} and without the {@code <module>} entries
     * (of the project and of its remaining profiles) naming one of {@code modules}.
     */
    static byte[] strip(byte[] pom, Set<String> profileIds, Set<String> modules) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setIgnoringComments(false);
            factory.setExpandEntityReferences(false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document doc = factory.newDocumentBuilder().parse(new ByteArrayInputStream(pom));
            Element project = doc.getDocumentElement();
            for (Element profiles : children(project, "profiles")) {
                for (Element profile : children(profiles, "profile")) {
                    if (profileIds.contains(text(profile, "id"))) {
                        remove(profile);
                    }
                }
            }
            List<Element> moduleLists = new ArrayList<>(children(project, "modules"));
            for (Element profiles : children(project, "profiles")) {
                for (Element profile : children(profiles, "profile")) {
                    moduleLists.addAll(children(profile, "modules"));
                }
            }
            for (Element list : moduleLists) {
                for (Element module : children(list, "module")) {
                    if (modules.contains(module.getTextContent().strip())) {
                        remove(module);
                    }
                }
            }
            return serialize(doc, new String(pom, StandardCharsets.UTF_8));
        } catch (ParserConfigurationException | SAXException | IOException | TransformerException e) {
            throw new BundleException("Could not edit a pom for the learner bundle: " + e.getMessage(), e);
        }
    }

    /** The ids of the profiles a pom defines. */
    static List<String> profileIds(byte[] pom) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Element project = factory.newDocumentBuilder().parse(new ByteArrayInputStream(pom)).getDocumentElement();
            List<String> ids = new ArrayList<>();
            for (Element profiles : children(project, "profiles")) {
                for (Element profile : children(profiles, "profile")) {
                    ids.add(text(profile, "id"));
                }
            }
            return ids;
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new BundleException("Could not read a pom: " + e.getMessage(), e);
        }
    }

    private static byte[] serialize(Document doc, String original) throws TransformerException {
        doc.setXmlStandalone(true);
        var transformer = TransformerFactory.newInstance().newTransformer();
        transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
        transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        // The declaration is written by hand: the JDK's serializer would glue the root element onto its line.
        if (original.startsWith("<?xml")) {
            out.writeBytes((original.substring(0, original.indexOf("?>") + 2) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        transformer.transform(new DOMSource(doc), new StreamResult(out));
        if (original.endsWith("\n")) {
            out.write('\n');
        }
        return keepLayout(out.toString(StandardCharsets.UTF_8), original).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Two things the serializer writes differently from the pom's author, put back as they were: the root element's
     * start tag (one attribute a line) and empty elements written {@code <step></step>} rather than {@code <step/>}.
     */
    static String keepLayout(String written, String original) {
        String result = written;
        int rootStart = firstStartTag(original);
        int writtenStart = firstStartTag(written);
        if (rootStart >= 0 && writtenStart >= 0) {
            String originalTag = original.substring(rootStart, original.indexOf('>', rootStart) + 1);
            result = result.substring(0, writtenStart) + originalTag
                    + result.substring(result.indexOf('>', writtenStart) + 1);
        }
        Matcher empty = EMPTY_PAIR.matcher(original);
        Set<String> pairs = new java.util.HashSet<>();
        while (empty.find()) {
            pairs.add(empty.group(1));
        }
        for (String name : pairs) {
            result = result.replace("<" + name + "/>", "<" + name + "></" + name + ">");
        }
        return result;
    }

    private static final Pattern EMPTY_PAIR = Pattern.compile("<([\\w.:-]+)></\\1>");

    /** Where the first element's start tag begins (after the declaration and any comments). */
    private static int firstStartTag(String xml) {
        int i = 0;
        while (true) {
            i = xml.indexOf('<', i);
            if (i < 0 || i + 1 >= xml.length()) {
                return -1;
            }
            if (xml.startsWith("<?", i)) {
                i = xml.indexOf("?>", i) + 2;
            } else if (xml.startsWith("<!--", i)) {
                i = xml.indexOf("-->", i) + 3;
            } else {
                return i;
            }
        }
    }

    /**
     * Removes an element with the comment right above it (which speaks of it) and the indentation in front of
     * both, so that no blank line is left behind.
     */
    private static void remove(Element element) {
        Node node = element;
        while (node != null) {
            Node before = node.getPreviousSibling();
            if (before != null && before.getNodeType() == Node.TEXT_NODE && before.getTextContent().isBlank()) {
                before.getParentNode().removeChild(before);
                before = node.getPreviousSibling();
            }
            Node parent = node.getParentNode();
            parent.removeChild(node);
            node = before != null && before.getNodeType() == Node.COMMENT_NODE ? before : null;
        }
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(e.getLocalName())) {
                found.add(e);
            }
        }
        return found;
    }

    private static String text(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? "" : found.get(0).getTextContent().strip();
    }
}
