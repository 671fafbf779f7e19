package org.strongcities.fund.web.platform;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Sections of a page that are the same for everyone allowed to see them (the public figures, the
 * fund's balances), rendered once per read-model version and kept, like any projected value
 * ({@link ProjectedValues}), until a projection moves on.
 *
 * <p>At the Network's full size, rendering the rows of those tables was most of the CPU of the
 * transparency and finance pages, and every request rendered the same rows again. A section is a
 * template of its own, rendered by the same view machinery as a page (messages, links, formatting);
 * the page places the HTML where the section goes. What differs per person (the header, notices,
 * forms) stays in the page. A section holding a form's CSRF token would hand one person's token to
 * another, so that is refused outright.
 *
 * <p>Authorisation is the page's: a section is only served by the controller that renders it.
 */
@Component
public class SharedSections {

    private final ProjectedValues projected;
    private final ThymeleafViewResolver views;

    public SharedSections(ProjectedValues projected, ThymeleafViewResolver views) {
        this.projected = projected;
        this.views = views;
    }

    /**
     * The HTML of a section template, for this key, locale and read-model version; the model is built
     * only when the section has to be rendered again.
     */
    public String html(String key, String template, Supplier<Map<String, ?>> model, HttpServletRequest request,
                       HttpServletResponse response) {
        Locale locale = RequestContextUtils.getLocale(request);
        return projected.get("section|" + key + "|" + locale.toLanguageTag() + "|" + request.getContextPath(),
                () -> render(template, model.get(), locale, request, response));
    }

    private String render(String template, Map<String, ?> model, Locale locale, HttpServletRequest request,
                          HttpServletResponse response) {
        try {
            View view = views.resolveViewName(template, locale);
            if (view == null) {
                throw new IllegalStateException("No template " + template);
            }
            Captured captured = new Captured(response);
            view.render(model, request, captured);
            String html = captured.text();
            if (html.contains("name=\"_csrf\"")) {
                throw new IllegalStateException("The shared section " + template + " holds a form's CSRF token;"
                        + " forms belong in the page, not in a section shared between people");
            }
            return html;
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("Cannot render " + template, e);
        }
    }

    /** Keeps what a view writes instead of sending it; headers and status stay the page's. */
    private static final class Captured extends HttpServletResponseWrapper {

        private final StringWriter text = new StringWriter();
        private final PrintWriter writer = new PrintWriter(text);

        Captured(HttpServletResponse response) {
            super(response);
        }

        @Override
        public PrintWriter getWriter() {
            return writer;
        }

        @Override
        public ServletOutputStream getOutputStream() {
            throw new IllegalStateException("A section is rendered as text");
        }

        @Override
        public void setContentType(String type) {
        }

        @Override
        public void setCharacterEncoding(String charset) {
        }

        @Override
        public void setLocale(Locale locale) {
        }

        @Override
        public void flushBuffer() {
            writer.flush();
        }

        @Override
        public boolean isCommitted() {
            return false;
        }

        String text() {
            writer.flush();
            return text.toString();
        }
    }
}
