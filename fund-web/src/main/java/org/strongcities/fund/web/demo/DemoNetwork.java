package org.strongcities.fund.web.demo;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;
import org.strongcities.fund.domain.api.Conversion;
import org.strongcities.fund.domain.api.DonorType;
import org.strongcities.fund.domain.api.Earmark;
import org.strongcities.fund.domain.api.FocalPoint;
import org.strongcities.fund.domain.api.Money;
import org.strongcities.fund.domain.api.PopulationBand;
import org.strongcities.fund.domain.api.RecordReceiptCommand;
import org.strongcities.fund.domain.api.Region;
import org.strongcities.fund.domain.api.RegisterDonorCommand;
import org.strongcities.fund.domain.api.RegisterMemberCityCommand;
import org.strongcities.fund.domain.api.RegisterRegionalHubCommand;
import org.strongcities.fund.domain.api.SignContributionAgreementCommand;
import org.strongcities.fund.domain.api.StrategicPriority;
import org.strongcities.fund.web.security.Role;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The demo Network: the Regional Hubs, a dozen member cities across regions, donors with
 * contribution agreements and receipts. Every fact is created by the same commands people send,
 * acting as the demo account who would do it in real life.
 */
@Component
public class DemoNetwork {

    public static final String HUB_EAST_SOUTHERN_AFRICA = "hub-east-southern-africa";
    public static final String HUB_WESTERN_BALKANS = "hub-western-balkans";
    public static final String HUB_MENA = "hub-mena";
    public static final String HUB_SOUTH_ASIA = "hub-south-asia";
    public static final String HUB_LATIN_AMERICA = "hub-latin-america-caribbean";
    public static final String HUB_SOUTHEAST_ASIA = "hub-southeast-asia";
    public static final String NAIROBI = "city-nairobi";
    public static final String SARAJEVO = "city-sarajevo";
    public static final String DONOR_NORWAY = "donor-norway";
    public static final String DONOR_DENMARK = "donor-denmark";
    public static final String DONOR_UK = "donor-uk";
    public static final String DONOR_HELSINKI = "donor-helsinki";
    public static final String DONOR_US = "donor-us";

    static final String ADMIN = "admin";
    static final String FINANCE_OFFICER = "finance.officer";

    private final CommandGateway commands;
    private final ActingAs actingAs;

    DemoNetwork(CommandGateway commands, ActingAs actingAs) {
        this.commands = commands;
        this.actingAs = actingAs;
    }

    void seed(DemoCalendar calendar) {
        actingAs.run(ADMIN, Role.ADMINISTRATOR, () -> {
            hubs();
            cities();
            donors();
        });
        actingAs.run(FINANCE_OFFICER, Role.FINANCE_OFFICER, () -> contributions(calendar));
    }

    private void hubs() {
        hub(HUB_EAST_SOUTHERN_AFRICA, "East & Southern Africa Hub", Region.EAST_SOUTHERN_AFRICA, "Strong Cities Nairobi office");
        hub(HUB_WESTERN_BALKANS, "Western Balkans Hub", Region.WESTERN_BALKANS, "Regional partner NGO, Sarajevo");
        hub(HUB_MENA, "Middle East & North Africa Hub", Region.MIDDLE_EAST_NORTH_AFRICA, "Regional partner NGO, Amman");
        hub(HUB_SOUTH_ASIA, "South Asia Hub", Region.SOUTH_ASIA, "Regional partner NGO, Dhaka");
        hub(HUB_LATIN_AMERICA, "Latin America & Caribbean Hub", Region.LATIN_AMERICA_CARIBBEAN, "Regional partner NGO, Bogotá");
        hub(HUB_SOUTHEAST_ASIA, "Southeast Asia Hub", Region.SOUTHEAST_ASIA, "Regional partner NGO, Manila");
    }

    private void cities() {
        city(NAIROBI, "Nairobi", "KE", Region.EAST_SOUTHERN_AFRICA, HUB_EAST_SOUTHERN_AFRICA, PopulationBand.FROM_1M_TO_5M,
                new FocalPoint("focal.nairobi", "Wanjiru Kamau", "w.kamau@nairobi.example"));
        city("city-mombasa", "Mombasa", "KE", Region.EAST_SOUTHERN_AFRICA, HUB_EAST_SOUTHERN_AFRICA, PopulationBand.FROM_1M_TO_5M,
                new FocalPoint("focal.mombasa", "Hassan Ali", "h.ali@mombasa.example"));
        city("city-kampala", "Kampala", "UG", Region.EAST_SOUTHERN_AFRICA, HUB_EAST_SOUTHERN_AFRICA, PopulationBand.FROM_1M_TO_5M,
                new FocalPoint("focal.kampala", "Grace Nakato", "g.nakato@kampala.example"));
        city(SARAJEVO, "Sarajevo", "BA", Region.WESTERN_BALKANS, HUB_WESTERN_BALKANS, PopulationBand.FROM_100K_TO_500K,
                new FocalPoint("focal.sarajevo", "Amira Hadžić", "a.hadzic@sarajevo.example"));
        city("city-tirana", "Tirana", "AL", Region.WESTERN_BALKANS, HUB_WESTERN_BALKANS, PopulationBand.FROM_500K_TO_1M,
                new FocalPoint("focal.tirana", "Erion Hoxha", "e.hoxha@tirana.example"));
        city("city-skopje", "Skopje", "MK", Region.WESTERN_BALKANS, HUB_WESTERN_BALKANS, PopulationBand.FROM_500K_TO_1M,
                new FocalPoint("focal.skopje", "Marija Petrovska", "m.petrovska@skopje.example"));
        city("city-amman", "Amman", "JO", Region.MIDDLE_EAST_NORTH_AFRICA, HUB_MENA, PopulationBand.FROM_1M_TO_5M,
                new FocalPoint("focal.amman", "Rania Haddad", "r.haddad@amman.example"));
        city("city-tunis", "Tunis", "TN", Region.MIDDLE_EAST_NORTH_AFRICA, HUB_MENA, PopulationBand.FROM_500K_TO_1M,
                new FocalPoint("focal.tunis", "Sami Ben Salah", "s.bensalah@tunis.example"));
        city("city-dhaka", "Dhaka North", "BD", Region.SOUTH_ASIA, HUB_SOUTH_ASIA, PopulationBand.OVER_5M,
                new FocalPoint("focal.dhaka", "Farhana Rahman", "f.rahman@dhaka.example"));
        city("city-colombo", "Colombo", "LK", Region.SOUTH_ASIA, HUB_SOUTH_ASIA, PopulationBand.FROM_500K_TO_1M,
                new FocalPoint("focal.colombo", "Nimal Perera", "n.perera@colombo.example"));
        city("city-medellin", "Medellín", "CO", Region.LATIN_AMERICA_CARIBBEAN, HUB_LATIN_AMERICA, PopulationBand.FROM_1M_TO_5M,
                new FocalPoint("focal.medellin", "Lucía Restrepo", "l.restrepo@medellin.example"));
        city("city-quezon", "Quezon City", "PH", Region.SOUTHEAST_ASIA, HUB_SOUTHEAST_ASIA, PopulationBand.FROM_1M_TO_5M,
                new FocalPoint("focal.quezon", "Maria Santos", "m.santos@quezon.example"));
    }

    private void donors() {
        donor(DONOR_NORWAY, "Norwegian Ministry of Foreign Affairs", DonorType.GOVERNMENT, "NO", "XM-DAC-8-1");
        donor(DONOR_DENMARK, "Ministry of Foreign Affairs of Denmark", DonorType.GOVERNMENT, "DK", "XM-DAC-3-1");
        donor(DONOR_UK, "UK Foreign, Commonwealth & Development Office", DonorType.GOVERNMENT, "GB", "GB-GOV-1");
        donor(DONOR_HELSINKI, "City of Helsinki", DonorType.CITY, "FI", null);
        donor(DONOR_US, "U.S. Department of State", DonorType.GOVERNMENT, "US", "US-GOV-11");
    }

    /** The agreements' periods and the receipts' value dates are the demo calendar's (see DemoCalendar). */
    private void contributions(DemoCalendar calendar) {
        LocalDate start = calendar.date(2026, 1, 1);
        LocalDate end = calendar.date(2027, 12, 31);
        contribution("contribution-norway-2026", DONOR_NORWAY, Money.of("10000000", "NOK"), start, end, Earmark.unrestricted());
        receipt("contribution-norway-2026", "receipt-norway-1", Money.of("6000000", "NOK"), new BigDecimal("0.0941"),
                calendar.date(2026, 2, 16));
        contribution("contribution-denmark-esa", DONOR_DENMARK, Money.of("3000000", "DKK"), start, end,
                Earmark.region(Region.EAST_SOUTHERN_AFRICA));
        receipt("contribution-denmark-esa", "receipt-denmark-1", Money.of("3000000", "DKK"), new BigDecimal("0.1452"),
                calendar.date(2026, 3, 2));
        contribution("contribution-uk-youth", DONOR_UK, Money.of("800000", "GBP"), start, end,
                Earmark.priority(StrategicPriority.YOUTH_ENGAGEMENT));
        receipt("contribution-uk-youth", "receipt-uk-1", Money.of("400000", "GBP"), new BigDecimal("1.2710"),
                calendar.date(2026, 4, 1));
        contribution("contribution-helsinki-balkans", DONOR_HELSINKI, Money.of("250000", "EUR"), start, end,
                Earmark.region(Region.WESTERN_BALKANS));
        receipt("contribution-helsinki-balkans", "receipt-helsinki-1", Money.of("250000", "EUR"), new BigDecimal("1.0825"),
                calendar.date(2026, 1, 20));
        contribution("contribution-us-2026", DONOR_US, Money.usd("1500000"), start, end, Earmark.unrestricted());
        commands.sendAndWait(new RecordReceiptCommand("contribution-us-2026", "receipt-us-1", Money.usd("750000"),
                Conversion.none(Money.usd("750000"), calendar.date(2026, 5, 5)), calendar.date(2026, 5, 5), FINANCE_OFFICER));
    }

    private void hub(String id, String name, Region region, String host) {
        commands.sendAndWait(new RegisterRegionalHubCommand(id, name, region, host, ADMIN));
    }

    private void city(String id, String name, String country, Region region, String hubId, PopulationBand band,
                      FocalPoint focalPoint) {
        commands.sendAndWait(new RegisterMemberCityCommand(id, name, country, region, hubId, band, List.of(focalPoint),
                true, false, ADMIN));
    }

    private void donor(String id, String name, DonorType type, String country, String iatiRef) {
        commands.sendAndWait(new RegisterDonorCommand(id, name, type, country, iatiRef, ADMIN));
    }

    private void contribution(String id, String donorId, Money pledged, LocalDate start, LocalDate end, Earmark earmark) {
        commands.sendAndWait(new SignContributionAgreementCommand(id, donorId, pledged, start, end, earmark, FINANCE_OFFICER));
    }

    private void receipt(String contributionId, String receiptId, Money received, BigDecimal rateToUsd, LocalDate valueDate) {
        Conversion conversion = Conversion.of(received, Money.USD, rateToUsd, "ECB reference rate", valueDate);
        commands.sendAndWait(new RecordReceiptCommand(contributionId, receiptId, received, conversion, valueDate,
                FINANCE_OFFICER));
    }
}
