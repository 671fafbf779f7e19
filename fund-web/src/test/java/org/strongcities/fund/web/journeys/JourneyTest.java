package org.strongcities.fund.web.journeys;

import org.camunda.bpm.engine.TaskService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.strongcities.fund.web.support.ApplicationTest;

/** A journey test: the people's steps through the web layer, and what the store and the read models then hold. */
abstract class JourneyTest extends ApplicationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;
    @Autowired
    TaskService tasks;
    @Autowired
    JdbcTemplate jdbc;

    Journeys journeys() {
        return new Journeys(mvc, users, tasks);
    }

    String statusOf(String applicationId) {
        return jdbc.queryForObject("SELECT status FROM rm_application WHERE application_id = ?", String.class, applicationId);
    }

    int events(String aggregateId) {
        return jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ?", Integer.class,
                aggregateId);
    }
}
