package org.strongcities.fund.web.platform;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

class PagingTest {

    @Test
    void a_page_beyond_either_end_shows_the_nearest_one() {
        assertThat(Paging.of(get(), "/finance/awards", "page", 0, 120, 50).page()).isEqualTo(1);
        assertThat(Paging.of(get(), "/finance/awards", "page", -7, 120, 50).page()).isEqualTo(1);
        Paging last = Paging.of(get(), "/finance/awards", "page", 99, 120, 50);
        assertThat(last.page()).isEqualTo(3);
        assertThat(last.pages()).isEqualTo(3);
        assertThat(last.offset()).isEqualTo(100);
        assertThat(last.next()).isNull();
        Paging empty = Paging.of(get(), "/finance/awards", "page", 1, 0, 50);
        assertThat(empty.pages()).isEqualTo(1);
        assertThat(empty.offset()).isZero();
        assertThat(empty.previous()).isNull();
        assertThat(empty.next()).isNull();
    }

    @Test
    void the_links_turn_one_list_and_keep_the_others_where_they_are() {
        MockHttpServletRequest request = get();
        request.setParameter("paidPage", "3");
        request.setParameter("scheduledPage", "2");
        request.setParameter("note", "a & b");

        Paging paid = Paging.of(request, "/finance/tranches", "paidPage", 3, 500, 50);

        assertThat(paid.previous()).isEqualTo("/fund/finance/tranches?scheduledPage=2&note=a%20%26%20b&paidPage=2");
        assertThat(paid.next()).isEqualTo("/fund/finance/tranches?scheduledPage=2&note=a%20%26%20b&paidPage=4");
    }

    @Test
    void a_list_shown_again_after_a_refused_form_links_to_itself_without_the_form_fields() {
        MockHttpServletRequest post = new MockHttpServletRequest("POST", "/fund/finance/tranches/a-1/t-1/approve");
        post.setContextPath("/fund");
        post.setParameter("_csrf", "secret-token");

        Paging requested = Paging.of(post, "/finance/tranches", "requestedPage", 1, 75, 50);

        assertThat(requested.next()).isEqualTo("/fund/finance/tranches?requestedPage=2");
    }

    private static MockHttpServletRequest get() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/fund/finance/tranches");
        request.setContextPath("/fund");
        return request;
    }
}
