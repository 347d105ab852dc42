package org.openlfa.protocol.uftp;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.openlfa.protocol.RejectedMessage;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The one XML parser of the UFTP intake, locked down: the JDK's own DOM parser (never one found on the class path),
 * secure processing on, no DOCTYPE at all (so no entity of any kind, internal or external, and no DTD fetch: XXE and
 * "billion laughs" have nothing to work with), no XInclude, a size limit before parsing and a depth limit during.
 *
 * <p>DOM rather than StAX because UFTP messages are small (a month's settlement is a few hundred kB) and random
 * access to attributes makes the validation code plain; the size limit bounds the tree.
 */
final class SecureXml {

    /** UFTP nests at most four deep (FlexSettlement/ContractSettlement/Period/ISP); a little room above that. */
    static final int MAX_DEPTH = 8;
    private static final int MAX_ECHO_CHARS = 40;

    private static final DocumentBuilderFactory FACTORY = newFactory();
    // A DocumentBuilder is not thread-safe but is reusable after reset(): one per thread saves building one per
    // message (which loads the parser's configuration each time).
    private static final ThreadLocal<DocumentBuilder> BUILDER = ThreadLocal.withInitial(SecureXml::newBuilder);

    private SecureXml() {
    }

    private static DocumentBuilderFactory newFactory() {
        // newDefaultInstance: the JDK's built-in implementation, so a parser that some dependency puts on the class
        // path (with other defaults, or without these features) can never be picked up by the service lookup.
        DocumentBuilderFactory f = DocumentBuilderFactory.newDefaultInstance();
        try {
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            // The decisive one: a document with a DOCTYPE is a fatal error, so no entity can be declared at all.
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            // Belt and braces, should the one above ever be lost in a refactoring.
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser lacks a security feature", e);
        }
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        f.setAttribute("jdk.xml.maxElementDepth", String.valueOf(MAX_DEPTH));
        f.setXIncludeAware(false);
        f.setExpandEntityReferences(false);
        f.setNamespaceAware(true);
        f.setValidating(false);
        f.setIgnoringComments(true);
        return f;
    }

    private static DocumentBuilder newBuilder() {
        try {
            DocumentBuilder b = FACTORY.newDocumentBuilder();
            // The default handler prints "[Fatal Error] ..." to stderr before throwing; a hostile sender must not be
            // able to write to our console, and the exception carries the same text.
            b.setErrorHandler(new ErrorHandler() {
                @Override
                public void warning(SAXParseException e) {
                    // warnings (none expected without a DTD) are not a reason to refuse
                }

                @Override
                public void error(SAXParseException e) throws SAXException {
                    throw e;
                }

                @Override
                public void fatalError(SAXParseException e) throws SAXException {
                    throw e;
                }
            });
            // Without a DOCTYPE there is nothing to resolve; if anything ever asks, it gets nothing.
            b.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("external entities are not allowed");
            });
            return b;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Parses {@code xml} into its root element.
     *
     * @param what     what the bytes are, for the reason ("UFTP message", "SignedMessage")
     * @param maxBytes the size limit
     * @throws RejectedMessage when too large or not well-formed XML, or when it has a DOCTYPE
     */
    static Element parse(byte[] xml, String what, int maxBytes) throws RejectedMessage {
        if (xml == null || xml.length == 0) {
            throw new RejectedMessage("malformed " + what + ": empty");
        }
        if (xml.length > maxBytes) {
            throw new RejectedMessage(what + " too large: " + xml.length + " bytes (at most " + maxBytes + ")");
        }
        DocumentBuilder builder = BUILDER.get();
        try {
            builder.reset();
            Document doc = builder.parse(new InputSource(new ByteArrayInputStream(xml)));
            return doc.getDocumentElement();
        } catch (SAXParseException e) {
            throw new RejectedMessage("malformed " + what + " (line " + e.getLineNumber() + ", column "
                    + e.getColumnNumber() + "): " + echo(String.valueOf(e.getMessage()), 160));
        } catch (SAXException | IOException | RuntimeException e) {
            // RuntimeException: the JDK parser has thrown unchecked exceptions on some malformed encodings; whatever
            // the parser chokes on is the sender's malformed message, not our failure.
            // A parser that failed in an unusual way may hold state: the next message gets a fresh one.
            BUILDER.remove();
            throw new RejectedMessage("malformed " + what + ": " + echo(e.getClass().getSimpleName() + " "
                    + e.getMessage(), 160));
        }
    }

    /** The element's children that are elements; refuses text in element-only content. */
    static List<Element> childElements(Element e, String path) throws RejectedMessage {
        List<Element> out = new ArrayList<>();
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            switch (n.getNodeType()) {
                case Node.ELEMENT_NODE -> out.add((Element) n);
                case Node.TEXT_NODE, Node.CDATA_SECTION_NODE -> {
                    if (!n.getNodeValue().isBlank()) {
                        throw new RejectedMessage(path + ": expected only elements inside, found text \""
                                + echo(n.getNodeValue().strip(), MAX_ECHO_CHARS) + "\"");
                    }
                }
                default -> {
                    // comments and processing instructions carry no UFTP content
                }
            }
        }
        return out;
    }

    /** An attribute without namespace, or null when absent. */
    static String attribute(Element e, String name) {
        Attr a = e.getAttributeNodeNS(null, name);
        return a == null ? null : a.getValue();
    }

    /** The element's name, refusing one in a namespace: UFTP 3.0's schema has no target namespace. */
    static String name(Element e, String path) throws RejectedMessage {
        if (e.getNamespaceURI() != null) {
            throw new RejectedMessage(path + e.getLocalName() + ": expected no XML namespace (UFTP 3.0 has none), found "
                    + echo(e.getNamespaceURI(), MAX_ECHO_CHARS));
        }
        return e.getLocalName();
    }

    /** A sender's text, shortened and with control characters made visible, fit to quote in a reason or a log. */
    static String echo(String s, int maxChars) {
        StringBuilder b = new StringBuilder(Math.min(s.length(), maxChars) + 4);
        for (int i = 0; i < s.length() && b.length() < maxChars; i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7f || Character.isSurrogate(c)) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        if (b.length() >= maxChars && s.length() > maxChars) {
            b.setLength(maxChars);
            b.append('…');
        }
        return b.toString();
    }

    static String echo(String s) {
        return echo(s, MAX_ECHO_CHARS);
    }
}
