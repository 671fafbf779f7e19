package org.strongcities.fund.web.demo;

import org.springframework.stereotype.Component;

/** The demo Network: hubs, member cities, donors and cases, created through commands. */
@Component
public class DemoNetwork {

    public static final String HUB_EAST_SOUTHERN_AFRICA = "hub-east-southern-africa";
    public static final String HUB_WESTERN_BALKANS = "hub-western-balkans";
    public static final String NAIROBI = "city-nairobi";
    public static final String SARAJEVO = "city-sarajevo";
    public static final String DONOR_NORWAY = "donor-norway";

    void seed() {
        // Filled in with the domain commands once the event-sourced core is wired.
    }
}
