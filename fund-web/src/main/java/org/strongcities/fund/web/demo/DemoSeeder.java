package org.strongcities.fund.web.demo;

import org.axonframework.eventhandling.GenericEventMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.strongcities.fund.web.security.Account;
import org.strongcities.fund.web.security.Accounts;
import org.strongcities.fund.web.security.Role;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Seeds the demo Network once, on the first start in demo mode, through the same services and
 * commands that people use, so the demo exercises the real rules.
 */
@Component
@Order(100)
public class DemoSeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoSeeder.class);

    public static final List<DemoLogin> LOGINS = List.of(
            new DemoLogin("focal.nairobi", Role.CITY_FOCAL_POINT.label(), "Nairobi"),
            new DemoLogin("focal.sarajevo", Role.CITY_FOCAL_POINT.label(), "Sarajevo"),
            new DemoLogin("hub.eastafrica", Role.HUB_REVIEWER.label(), "East & Southern Africa Hub"),
            new DemoLogin("hub.balkans", Role.HUB_REVIEWER.label(), "Western Balkans Hub"),
            new DemoLogin("hub.mena", Role.HUB_REVIEWER.label(), "Middle East & North Africa Hub"),
            new DemoLogin("hub.latam", Role.HUB_REVIEWER.label(), "Latin America & Caribbean Hub"),
            new DemoLogin("hub.southasia", Role.HUB_REVIEWER.label(), "South Asia Hub"),
            new DemoLogin("hub.seasia", Role.HUB_REVIEWER.label(), "Southeast Asia Hub"),
            new DemoLogin("central.reviewer", Role.CENTRAL_REVIEWER.label(), "Central Team"),
            new DemoLogin("central.approver", Role.CENTRAL_REVIEWER.label(), "Central Team (second approver)"),
            new DemoLogin("central.lead", Role.CENTRAL_REVIEWER.label(), "Central Team (reopens what the other two decided)"),
            new DemoLogin("finance.officer", Role.FINANCE_OFFICER.label(), "Management Unit finance"),
            new DemoLogin("finance.approver", Role.FINANCE_APPROVER.label(), "Management Unit finance"),
            new DemoLogin("donor.norway", Role.DONOR.label(), "Norway"),
            new DemoLogin("admin", Role.ADMINISTRATOR.label(), "Management Unit"));

    private final DemoMode demoMode;
    private final Accounts accounts;
    private final DemoNetwork network;
    private final DemoCases demoCases;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    DemoSeeder(DemoMode demoMode, Accounts accounts, DemoNetwork network, DemoCases demoCases, JdbcTemplate jdbc,
               TransactionTemplate transaction) {
        this.demoCases = demoCases;
        this.demoMode = demoMode;
        this.accounts = accounts;
        this.network = network;
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!demoMode.enabled()) {
            return;
        }
        Integer seeded = jdbc.queryForObject("SELECT count(*) FROM demo_seed", Integer.class);
        if (seeded == null || seeded == 0) {
            // The demo's dates move with the day it is seeded (DemoCalendar); that day is the domain's today,
            // and demo_seed keeps it, so tests and readers of the demo find the same calendar.
            Instant seededAt = GenericEventMessage.clock.instant();
            DemoCalendar calendar = DemoCalendar.seededOn(LocalDate.ofInstant(seededAt, ZoneOffset.UTC));
            log.info("First start in demo mode: seeding the demo Network through the application's commands, "
                    + "its dates moved to {}", calendar.seededOn());
            network.seed(calendar);
            transaction.executeWithoutResult(status -> {
                seedAccounts();
                jdbc.update("INSERT INTO demo_seed (seeded_at) VALUES (?)", OffsetDateTime.ofInstant(seededAt, ZoneOffset.UTC));
            });
            try {
                demoCases.seed(calendar);
            } catch (RuntimeException e) {
                // The cases only illustrate; a failure here must not keep the application from starting.
                log.error("Demo cases could not all be seeded: {}", e.getMessage(), e);
            }
        }
        printLogins();
    }

    private void seedAccounts() {
        create(Account.of("focal.nairobi", "Wanjiru Kamau", Role.CITY_FOCAL_POINT).forCity(DemoNetwork.NAIROBI));
        create(Account.of("focal.sarajevo", "Amira Hadžić", Role.CITY_FOCAL_POINT).forCity(DemoNetwork.SARAJEVO));
        create(Account.of("hub.eastafrica", "Daniel Otieno", Role.HUB_REVIEWER).forHub(DemoNetwork.HUB_EAST_SOUTHERN_AFRICA));
        create(Account.of("hub.balkans", "Jelena Marković", Role.HUB_REVIEWER).forHub(DemoNetwork.HUB_WESTERN_BALKANS));
        create(Account.of("hub.mena", "Omar Khalil", Role.HUB_REVIEWER).forHub(DemoNetwork.HUB_MENA));
        create(Account.of("hub.latam", "Camila Rojas", Role.HUB_REVIEWER).forHub(DemoNetwork.HUB_LATIN_AMERICA));
        create(Account.of("hub.southasia", "Arjun Mehta", Role.HUB_REVIEWER).forHub(DemoNetwork.HUB_SOUTH_ASIA));
        create(Account.of("hub.seasia", "Liza Reyes", Role.HUB_REVIEWER).forHub(DemoNetwork.HUB_SOUTHEAST_ASIA));
        create(Account.of("central.reviewer", "Sophie Laurent", Role.CENTRAL_REVIEWER));
        create(Account.of("central.approver", "Tom Okafor", Role.CENTRAL_REVIEWER));
        // Neither the decider nor the confirmer may reopen a confirmed decision: a third member can, in the demo too.
        create(Account.of("central.lead", "Nadia Haddad", Role.CENTRAL_REVIEWER));
        create(Account.of("finance.officer", "Priya Nair", Role.FINANCE_OFFICER));
        create(Account.of("finance.approver", "Lars Holm", Role.FINANCE_APPROVER));
        create(Account.of("donor.norway", "Ingrid Berg (Norway MFA)", Role.DONOR).forDonor(DemoNetwork.DONOR_NORWAY));
        create(Account.of("admin", "Network administrator", Role.ADMINISTRATOR));
    }

    private void create(Account account) {
        accounts.create(account, DemoLogin.PASSWORD);
    }

    private void printLogins() {
        StringBuilder table = new StringBuilder("\n\nDemo mode: sign in with any of these (password '")
                .append(DemoLogin.PASSWORD).append("'):\n");
        for (DemoLogin login : LOGINS) {
            table.append(String.format("  %-18s %-24s %s%n", login.username(), login.role(), login.actsFor()));
        }
        log.info(table.toString());
    }
}
