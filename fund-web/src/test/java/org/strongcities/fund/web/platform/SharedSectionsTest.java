package org.strongcities.fund.web.platform;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.DefaultCsrfToken;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.servlet.DispatcherServlet;
import org.strongcities.fund.web.support.ApplicationTest;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Sections shared between people are rendered once per read-model version, are few, and never carry
 * one person's CSRF token to another. (That a section follows the ledger the moment it moves is
 * TransparencyPageTest's.)
 */
class SharedSectionsTest extends ApplicationTest {

    @Autowired
    SharedSections sections;
    @Autowired
    WebApplicationContext context;
    @Autowired
    ReadModels readModels;

    @Test
    void aSectionIsRenderedOncePerVersionAndTheEntriesAreBounded() {
        readModels.awaitCaughtUp(); // nothing moves the version meanwhile
        AtomicInteger built = new AtomicInteger();
        String first = html("shared-test-first", "test/plain-section", built, "alpha");
        String again = html("shared-test-first", "test/plain-section", built, "beta");

        assertThat(first).contains("<p>alpha</p>");
        assertThat(again).as("the same version serves the rendered HTML").isSameAs(first);
        assertThat(built).hasValue(1);

        for (int i = 0; i < ProjectedValues.MAX_ENTRIES; i++) {
            html("shared-test-other-" + i, "test/plain-section", new AtomicInteger(), "other");
        }
        assertThat(html("shared-test-first", "test/plain-section", built, "gamma"))
                .as("the least recently used entry made room").contains("<p>gamma</p>");
        assertThat(built).hasValue(2);
    }

    @Test
    void aSectionWithAFormsCsrfTokenIsRefused() {
        MockHttpServletRequest request = request();
        CsrfToken token = new DefaultCsrfToken("X-CSRF-TOKEN", "_csrf", "one-persons-token");
        request.setAttribute(CsrfToken.class.getName(), token);
        request.setAttribute("_csrf", token);

        assertThatThrownBy(() -> sections.html("shared-test-form", "test/form-section", Map::of, request,
                new MockHttpServletResponse()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("CSRF");
    }

    private String html(String key, String template, AtomicInteger built, String word) {
        return sections.html(key, template, () -> {
            built.incrementAndGet();
            return Map.of("word", word);
        }, request(), new MockHttpServletResponse());
    }

    private MockHttpServletRequest request() {
        MockHttpServletRequest request = new MockHttpServletRequest(context.getServletContext(), "GET", "/test");
        request.setAttribute(DispatcherServlet.WEB_APPLICATION_CONTEXT_ATTRIBUTE, context);
        return request;
    }
}
