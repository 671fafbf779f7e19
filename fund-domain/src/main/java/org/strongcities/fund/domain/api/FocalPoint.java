package org.strongcities.fund.domain.api;

/** The person a member city nominates as its point of contact; accountName is their login. */
public record FocalPoint(String accountName, String fullName, String email) {

    public FocalPoint {
        BusinessRuleViolation.requireText(accountName, "A focal point needs an account name");
        BusinessRuleViolation.requireText(fullName, "Focal point '" + accountName + "' needs a full name");
    }
}
