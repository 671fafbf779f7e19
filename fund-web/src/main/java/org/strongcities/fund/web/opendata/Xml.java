package org.strongcities.fund.web.opendata;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A thin, indenting wrapper over StAX, so the writers read like the documents they write. It writes
 * straight to its Writer: an export of the whole Network is streamed, never held in memory.
 */
final class Xml {

    private final Writer out;
    private final XMLStreamWriter xml;
    private int depth;
    private boolean hadChild;

    Xml(Writer out) {
        this.out = out;
        try {
            xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    Xml start(String name, String... attributes) {
        run(() -> {
            newline();
            xml.writeStartElement(name);
            for (int i = 0; i + 1 < attributes.length; i += 2) {
                if (attributes[i + 1] != null) {
                    if (attributes[i].equals("xml:lang")) {
                        xml.writeAttribute("xml", "http://www.w3.org/XML/1998/namespace", "lang", attributes[i + 1]);
                    } else {
                        xml.writeAttribute(attributes[i], attributes[i + 1]);
                    }
                }
            }
        });
        depth++;
        hadChild = false;
        return this;
    }

    Xml end() {
        depth--;
        run(() -> {
            if (hadChild) {
                newline();
            }
            xml.writeEndElement();
        });
        hadChild = true;
        return this;
    }

    Xml text(String text) {
        run(() -> xml.writeCharacters(text == null ? "" : text));
        return this;
    }

    /** An element holding a single narrative. */
    Xml narrated(String name, String narrative, String... attributes) {
        return start(name, attributes).narrative(narrative).end();
    }

    Xml narrative(String text) {
        return start("narrative").text(text).end();
    }

    Xml empty(String name, String... attributes) {
        return start(name, attributes).end();
    }

    Xml value(String name, BigDecimal amount, LocalDate valueDate) {
        return start(name, "value-date", valueDate.toString()).text(amount.toPlainString()).end();
    }

    /** Closes the document; the Writer stays open (it belongs to the caller). */
    void finish() {
        run(() -> {
            xml.writeEndDocument();
            xml.writeCharacters("\n");
            xml.flush();
            xml.close();
        });
    }

    private void newline() throws XMLStreamException {
        xml.writeCharacters("\n" + "  ".repeat(depth));
        hadChild = true;
    }

    private interface XmlWork {
        void run() throws XMLStreamException;
    }

    private void run(XmlWork work) {
        try {
            work.run();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Cannot write XML: " + e.getMessage(), e);
        }
    }
}
