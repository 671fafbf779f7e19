package org.strongcities.fund.domain.membership;

import org.strongcities.fund.domain.api.BusinessRuleViolation;
import java.util.Locale;
import java.util.Set;

/** ISO 3166-1 alpha-2 country codes, as IATI and 360Giving exports expect them. */
final class CountryCodes {

    private static final Set<String> ISO_3166_ALPHA_2 = Set.of(Locale.getISOCountries());

    private CountryCodes() {
    }

    static void requireValid(String countryCode, String whose) {
        BusinessRuleViolation.require(countryCode != null && ISO_3166_ALPHA_2.contains(countryCode),
                "Unknown country code '" + countryCode + "' for " + whose + ": use an ISO 3166-1 alpha-2 code such as NO or KE");
    }
}
