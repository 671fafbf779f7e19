package org.strongcities.fund.web.finance;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import org.strongcities.fund.web.support.ApplicationTest;

import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;

/** What the tests of the finance pages share: MockMvc with security, the fixture, and the two finance accounts. */
abstract class FinanceWebTest extends ApplicationTest {

    @Autowired
    WebApplicationContext context;
    @Autowired
    UserDetailsService users;
    @Autowired
    CommandGateway commands;
    @Autowired
    JdbcTemplate jdbc;

    MockMvc mvc;
    FinanceFixture fixture;
    UserDetails officer;
    UserDetails approver;

    @BeforeEach
    void setUpFinancePages() {
        // Built by hand rather than with @AutoConfigureMockMvc, so the shared application context is reused.
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        fixture = new FinanceFixture(commands, jdbc);
        officer = users.loadUserByUsername("finance.officer");
        approver = users.loadUserByUsername("finance.approver");
    }
}
