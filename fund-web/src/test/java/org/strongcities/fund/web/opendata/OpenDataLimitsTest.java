package org.strongcities.fund.web.opendata;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A file is written whole before it is sent (so a slow client never holds a database connection),
 * and only a few are prepared or sent at once; the rest are told when to come back.
 */
class OpenDataLimitsTest extends OpenDataWebTest {

    @Autowired
    OpenDataController controller;

    @Test
    void aFileIsSentWithItsLength() throws Exception {
        MockHttpServletResponse response = mvc.perform(get("/open-data/iati/activities.xml")).andExpect(status().isOk())
                .andReturn().getResponse();

        assertThat(response.getContentLengthLong()).isEqualTo(response.getContentAsByteArray().length).isPositive();
        assertThat(controller.filesAtOnce.availablePermits()).isEqualTo(OpenDataController.FILES_AT_ONCE);
    }

    @Test
    void whenAsManyFilesAsAllowedAreUnderWayTheNextVisitorIsToldToRetry() throws Exception {
        controller.filesAtOnce.acquire(OpenDataController.FILES_AT_ONCE);
        try {
            MvcResult refused = mvc.perform(get("/open-data/360giving/grants.json"))
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(header().string(HttpHeaders.RETRY_AFTER, "30")).andReturn();
            assertThat(refused.getResolvedException()).hasMessageContaining("Try again in half a minute");
        } finally {
            controller.filesAtOnce.release(OpenDataController.FILES_AT_ONCE);
        }
        download("/open-data/360giving/grants.json");
        assertThat(controller.filesAtOnce.availablePermits()).isEqualTo(OpenDataController.FILES_AT_ONCE);
    }
}
