package dev.mkw.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;

import javax.xml.parsers.DocumentBuilderFactory;

import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.Platform;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The help contents are registered, and every topic of the walk-through points at a page and anchor that exist. */
class HelpContentsTest {

    @Test
    void everyTopicOfTheGettingStartedTocLeadsToAnExistingSection() throws Exception {
        IConfigurationElement toc = null;
        for (IConfigurationElement e : Platform.getExtensionRegistry().getConfigurationElementsFor("org.eclipse.help.toc")) {
            if (e.getContributor().getName().equals("dev.mkw.ui")) toc = e;
        }
        assertNotNull(toc, "dev.mkw.ui contributes a help toc");
        Bundle ui = Platform.getBundle("dev.mkw.ui");
        Document doc;
        try (InputStream in = ui.getEntry(toc.getAttribute("file")).openStream()) {
            doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
        }
        assertEquals("MKW: Getting started", doc.getDocumentElement().getAttribute("label"));
        NodeList topics = doc.getElementsByTagName("topic");
        assertEquals(6, topics.getLength(), "open, run, threads, kernel paths, timeline, compare");
        for (int i = 0; i < topics.getLength(); i++) {
            String href = ((Element) topics.item(i)).getAttribute("href");
            String[] parts = href.split("#", 2);
            URL page = ui.getEntry(parts[0]);
            assertNotNull(page, href + ": the page is in the bundle");
            String html;
            try (InputStream in = page.openStream()) {
                html = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            assertTrue(html.contains("id=\"" + parts[1] + "\""), href + ": the section exists");
        }
    }
}
