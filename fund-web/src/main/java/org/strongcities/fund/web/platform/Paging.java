package org.strongcities.fund.web.platform;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * One page of a long list: the page shown (a page asked for beyond either end shows the nearest one),
 * how many there are, and links to the pages beside it. The links keep the other parameters of the
 * list's own request, so that several lists on one page turn independently.
 */
public record Paging(int page, int pages, long total, int perPage, String previous, String next) {

    /**
     * @param path the list's page, relative to the application: a form that fails re-renders the list
     *             from another path (its POST), and its fields (the CSRF token among them) must not end
     *             up in the links
     */
    public static Paging of(HttpServletRequest request, String path, String parameter, int requested, long total,
                            int perPage) {
        int pages = (int) Math.max(1, (total + perPage - 1) / perPage);
        int page = Math.min(Math.max(requested, 1), pages);
        return new Paging(page, pages, total, perPage, page > 1 ? link(request, path, parameter, page - 1) : null,
                page < pages ? link(request, path, parameter, page + 1) : null);
    }

    public int offset() {
        return (page - 1) * perPage;
    }

    /** Built from decoded parameters, never from the Host header or the raw query, which may be malformed. */
    private static String link(HttpServletRequest request, String path, String parameter, int page) {
        UriComponentsBuilder link = UriComponentsBuilder.fromPath(request.getContextPath() + path);
        if ("GET".equals(request.getMethod())) {
            request.getParameterMap().forEach((name, values) -> link.queryParam(name, (Object[]) values));
        }
        return link.replaceQueryParam(parameter, page).build().encode().toUriString();
    }
}
