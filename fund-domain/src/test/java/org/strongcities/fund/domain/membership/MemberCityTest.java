package org.strongcities.fund.domain.membership;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.strongcities.fund.domain.api.BusinessRuleViolation;
import org.strongcities.fund.domain.api.FocalPoint;
import org.strongcities.fund.domain.api.LiftReportHoldCommand;
import org.strongcities.fund.domain.api.MemberCityRegisteredEvent;
import org.strongcities.fund.domain.api.MembershipEndedEvent;
import org.strongcities.fund.domain.api.MembershipSuspendedEvent;
import org.strongcities.fund.domain.api.PlaceReportHoldCommand;
import org.strongcities.fund.domain.api.PopulationBand;
import org.strongcities.fund.domain.api.Region;
import org.strongcities.fund.domain.api.RegisterMemberCityCommand;
import org.strongcities.fund.domain.api.ReinstateMembershipCommand;
import org.strongcities.fund.domain.api.ReportHoldLiftedEvent;
import org.strongcities.fund.domain.api.ReportHoldPlacedEvent;
import org.strongcities.fund.domain.api.SuspendMembershipCommand;
import java.util.List;

class MemberCityTest {

    static final List<FocalPoint> FOCAL_POINTS = List.of(new FocalPoint("amina", "Amina Diallo", "amina@city.example"));
    static final MemberCityRegisteredEvent REGISTERED = new MemberCityRegisteredEvent("city-dakar", "Dakar", "SN",
            Region.WEST_AFRICA, "hub-west-africa", PopulationBand.FROM_1M_TO_5M, FOCAL_POINTS, "admin");

    private AggregateTestFixture<MemberCity> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(MemberCity.class);
    }

    private static RegisterMemberCityCommand register(boolean committed, boolean contested, String country) {
        return new RegisterMemberCityCommand("city-dakar", "Dakar", country, Region.WEST_AFRICA, "hub-west-africa",
                PopulationBand.FROM_1M_TO_5M, FOCAL_POINTS, committed, contested, "admin");
    }

    @Test
    void aCommittedCityJoins() {
        fixture.givenNoPriorActivity().when(register(true, false, "SN")).expectEvents(REGISTERED);
    }

    @Test
    void membershipRequiresTheGuidingPrinciples() {
        fixture.givenNoPriorActivity().when(register(false, false, "SN")).expectNoEvents()
                .expectException(BusinessRuleViolation.class)
                .expectExceptionMessage("City 'Dakar' (city-dakar) cannot join: membership requires committing to the Guiding Principles");
    }

    @Test
    void aCityOnContestedTerritoryCannotJoin() {
        fixture.givenNoPriorActivity().when(register(true, true, "SN")).expectNoEvents()
                .expectExceptionMessage("City 'Dakar' (city-dakar) cannot join: a local government on territory contested under international law cannot be a member");
    }

    @Test
    void theCountryIsAnIsoCode() {
        fixture.givenNoPriorActivity().when(register(true, false, "Senegal"))
                .expectExceptionMessage("Unknown country code 'Senegal' for City 'Dakar' (city-dakar): use an ISO 3166-1 alpha-2 code such as NO or KE");
    }

    @Test
    void suspendReinstateAndEnd() {
        fixture.given(REGISTERED).when(new SuspendMembershipCommand("city-dakar", "dues review", "admin"))
                .expectEvents(new MembershipSuspendedEvent("city-dakar", "dues review", "admin"));
        fixture.given(REGISTERED).when(new ReinstateMembershipCommand("city-dakar", "ok", "admin"))
                .expectExceptionMessage("Cannot reinstate Dakar (city-dakar): only a suspended membership can be reinstated, this one is active");
        fixture.given(REGISTERED, new MembershipEndedEvent("city-dakar", "left", "admin"))
                .when(new SuspendMembershipCommand("city-dakar", "x", "admin"))
                .expectExceptionMessage("Cannot suspend Dakar (city-dakar): the membership is ended");
    }

    @Test
    void aHoldBelongsToTheReportOfOneAward() {
        // Report ids repeat across awards (r1, r2...): the first report of a second award is a second hold,
        // and accepting it leaves the first award's overdue report holding the city's payments.
        ReportHoldPlacedEvent first = new ReportHoldPlacedEvent("city-dakar", "award-1", "report-1", "timer");
        ReportHoldPlacedEvent second = new ReportHoldPlacedEvent("city-dakar", "award-2", "report-1", "timer");
        fixture.given(REGISTERED, first).when(new PlaceReportHoldCommand("city-dakar", "award-2", "report-1", "timer"))
                .expectEvents(second);
        fixture.given(REGISTERED, first, second).when(new LiftReportHoldCommand("city-dakar", "award-2", "report-1", "finance"))
                .expectEvents(new ReportHoldLiftedEvent("city-dakar", "award-2", "report-1", "finance"))
                .expectState(city -> org.assertj.core.api.Assertions.assertThat(city.hasOverdueReports()).isTrue());
        fixture.given(REGISTERED, first).when(new LiftReportHoldCommand("city-dakar", "award-2", "report-1", "finance"))
                .expectNoEvents();
    }

    @Test
    void reportHoldsAreIdempotent() {
        ReportHoldPlacedEvent held = new ReportHoldPlacedEvent("city-dakar", "award-1", "report-1", "timer");
        fixture.given(REGISTERED).when(new PlaceReportHoldCommand("city-dakar", "award-1", "report-1", "timer")).expectEvents(held);
        fixture.given(REGISTERED, held).when(new PlaceReportHoldCommand("city-dakar", "award-1", "report-1", "timer")).expectNoEvents();
        fixture.given(REGISTERED, held).when(new LiftReportHoldCommand("city-dakar", "award-1", "report-1", "finance"))
                .expectEvents(new ReportHoldLiftedEvent("city-dakar", "award-1", "report-1", "finance"));
        fixture.given(REGISTERED).when(new LiftReportHoldCommand("city-dakar", "award-1", "report-1", "finance")).expectNoEvents();
    }
}
