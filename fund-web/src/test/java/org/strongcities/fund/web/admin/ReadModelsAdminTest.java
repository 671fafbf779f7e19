package org.strongcities.fund.web.admin;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.strongcities.fund.web.readmodel.LedgerProjection;
import org.strongcities.fund.web.support.ApplicationTest;
import org.strongcities.fund.web.support.SignedIn;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The read-model page: how far each projection has read, and a rebuild from the store, for administrators only. */
class ReadModelsAdminTest extends ApplicationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void onlyAnAdministratorSeesOrRebuildsTheReadModels() throws Exception {
        for (String user : new String[]{"focal.nairobi", "hub.eastafrica", "central.reviewer", "finance.officer", "finance.approver"}) {
            mvc.perform(get("/admin/read-models").with(SignedIn.as(users, user))).andExpect(status().isForbidden());
            mvc.perform(post("/admin/read-models/ledger/rebuild").with(csrf()).with(SignedIn.as(users, user)))
                    .andExpect(status().isForbidden());
        }
        mvc.perform(post("/admin/read-models/ledger/rebuild").with(SignedIn.as(users, "admin")))
                .andExpect(status().isForbidden());
    }

    @Test
    void anAdministratorSeesHowFarEachReadModelIsAndRebuildsTheLedgerToTheSameRows() throws Exception {
        mvc.perform(get("/admin").with(SignedIn.as(users, "admin"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("/admin/read-models")));
        mvc.perform(get("/admin/read-models").with(SignedIn.as(users, "admin"))).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Cases, reviews, awards, tranches, reports and case timelines"),
                        containsString("Fund ledger: contributions and every money movement"), containsString("Newest stored event"),
                        containsString("Rebuild from the event store"), containsString("name=\"_csrf\""))));

        List<String> before = ledgerRows();
        mvc.perform(post("/admin/read-models/ledger/rebuild").with(csrf()).with(SignedIn.as(users, "admin")))
                .andExpect(redirectedUrl("/admin/read-models"))
                .andExpect(flash().attribute("message", allOf(containsString("Fund ledger: rebuilt from"),
                        containsString("rows in"))));
        assertThat(ledgerRows()).isNotEmpty().containsExactlyElementsOf(before);
    }

    @Test
    void aRebuildThatFailsLeavesTheRowsAsTheyWereAndTheLedgerGoesOn() throws Exception {
        List<String> before = ledgerRows();
        // Every stored row breaks this rule, but only rows written from now on are checked: the rebuild's COPY fails
        // after the tables were emptied in its transaction.
        jdbc.execute("ALTER TABLE rm_ledger_entry ADD CONSTRAINT rebuild_must_fail CHECK (amount_usd < 0) NOT VALID");
        try {
            mvc.perform(post("/admin/read-models/ledger/rebuild").with(csrf()).with(SignedIn.as(users, "admin")))
                    .andExpect(redirectedUrl("/admin/read-models"))
                    .andExpect(flash().attribute("error", allOf(containsString("Fund ledger: not rebuilt; its tables are as they were."),
                            containsString("rebuild_must_fail"))));
        } finally {
            jdbc.execute("ALTER TABLE rm_ledger_entry DROP CONSTRAINT rebuild_must_fail");
        }
        assertThat(ledgerRows()).isNotEmpty().containsExactlyElementsOf(before);
        assertThat(processing.eventProcessor(LedgerProjection.GROUP, StreamingEventProcessor.class).orElseThrow().isRunning())
                .as("the ledger runs again after the failed rebuild").isTrue();
    }

    @Test
    void aReadModelRunningOnAnotherNodeIsNotRebuiltHere() throws Exception {
        StreamingEventProcessor ledger = processing.eventProcessor(LedgerProjection.GROUP, StreamingEventProcessor.class).orElseThrow();
        ledger.shutDown();
        try {
            jdbc.update("UPDATE tokenentry SET owner = 'node-b', timestamp = ? WHERE processorname = ?",
                    Instant.now().toString(), LedgerProjection.GROUP);
            List<String> before = ledgerRows();
            mvc.perform(post("/admin/read-models/ledger/rebuild").with(csrf()).with(SignedIn.as(users, "admin")))
                    .andExpect(redirectedUrl("/admin/read-models"))
                    .andExpect(flash().attribute("error", allOf(containsString("Fund ledger: not rebuilt."),
                            containsString("running on another node"), containsString("stop it there"))));
            assertThat(ledgerRows()).containsExactlyElementsOf(before);
        } finally {
            jdbc.update("UPDATE tokenentry SET owner = NULL WHERE processorname = ?", LedgerProjection.GROUP);
            ledger.start();
        }
    }

    @Test
    void aReadModelThatDoesNotExistIsNamedInTheAnswer() throws Exception {
        mvc.perform(post("/admin/read-models/rm_secret/rebuild").with(csrf()).with(SignedIn.as(users, "admin")))
                .andExpect(redirectedUrl("/admin/read-models"))
                .andExpect(flash().attribute("error", "There is no read model called rm_secret."));
    }

    private List<String> ledgerRows() {
        return jdbc.queryForList("SELECT t::text FROM rm_ledger_entry t ORDER BY t::text COLLATE \"C\"", String.class);
    }
}
