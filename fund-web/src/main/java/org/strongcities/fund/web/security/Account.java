package org.strongcities.fund.web.security;

/**
 * A sign-in account. Exactly one of cityId, hubId and donorId is set for the roles bound to one
 * object, none for the Central Team, finance and administrators.
 */
public record Account(String username, String displayName, Role role, String cityId, String hubId, String donorId,
                      boolean enabled) {

    public static Account of(String username, String displayName, Role role) {
        return new Account(username, displayName, role, null, null, null, true);
    }

    public Account forCity(String id) {
        return new Account(username, displayName, role, id, hubId, donorId, enabled);
    }

    public Account forHub(String id) {
        return new Account(username, displayName, role, cityId, id, donorId, enabled);
    }

    public Account forDonor(String id) {
        return new Account(username, displayName, role, cityId, hubId, id, enabled);
    }
}
