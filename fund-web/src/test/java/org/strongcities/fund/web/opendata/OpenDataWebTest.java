package org.strongcities.fund.web.opendata;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import org.strongcities.fund.web.support.ApplicationTest;

import java.nio.charset.StandardCharsets;

import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Base of the export tests: the shared application with the fixture's awards, and anonymous downloads. */
abstract class OpenDataWebTest extends ApplicationTest {

    @Autowired
    WebApplicationContext context;

    MockMvc mvc;
    OpenDataFixture.Made made;

    @BeforeEach
    void setUp() {
        // Built by hand rather than with @AutoConfigureMockMvc, so the shared application context is reused.
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        made = OpenDataFixture.awards(context);
    }

    /** Downloads a public file without signing in. */
    String download(String url) throws Exception {
        return mvc.perform(get(url)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }
}
