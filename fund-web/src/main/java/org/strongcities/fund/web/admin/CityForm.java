package org.strongcities.fund.web.admin;

import java.util.Locale;

/** A member city as the administrator types it, with its first focal point and the two membership declarations. */
public class CityForm {

    private String cityId = "";
    private String name = "";
    private String countryCode = "";
    private String region = "";
    private String hubId = "";
    private String populationBand = "";
    private String focalPointName = "";
    private String focalPointEmail = "";
    private String focalPointAccount = "";
    private boolean committedToGuidingPrinciples;
    private boolean onContestedTerritory;

    public String getCityId() {
        return cityId;
    }

    public void setCityId(String cityId) {
        this.cityId = cityId == null ? "" : cityId.strip();
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name == null ? "" : name.strip();
    }

    public String getCountryCode() {
        return countryCode;
    }

    public void setCountryCode(String countryCode) {
        this.countryCode = countryCode == null ? "" : countryCode.strip().toUpperCase(Locale.ROOT);
    }

    public String getRegion() {
        return region;
    }

    public void setRegion(String region) {
        this.region = region == null ? "" : region;
    }

    public String getHubId() {
        return hubId;
    }

    public void setHubId(String hubId) {
        this.hubId = hubId == null ? "" : hubId;
    }

    public String getPopulationBand() {
        return populationBand;
    }

    public void setPopulationBand(String populationBand) {
        this.populationBand = populationBand == null ? "" : populationBand;
    }

    public String getFocalPointName() {
        return focalPointName;
    }

    public void setFocalPointName(String focalPointName) {
        this.focalPointName = focalPointName == null ? "" : focalPointName.strip();
    }

    public String getFocalPointEmail() {
        return focalPointEmail;
    }

    public void setFocalPointEmail(String focalPointEmail) {
        this.focalPointEmail = focalPointEmail == null ? "" : focalPointEmail.strip();
    }

    public String getFocalPointAccount() {
        return focalPointAccount;
    }

    public void setFocalPointAccount(String focalPointAccount) {
        this.focalPointAccount = focalPointAccount == null ? "" : focalPointAccount.strip();
    }

    public boolean isCommittedToGuidingPrinciples() {
        return committedToGuidingPrinciples;
    }

    public void setCommittedToGuidingPrinciples(boolean committedToGuidingPrinciples) {
        this.committedToGuidingPrinciples = committedToGuidingPrinciples;
    }

    public boolean isOnContestedTerritory() {
        return onContestedTerritory;
    }

    public void setOnContestedTerritory(boolean onContestedTerritory) {
        this.onContestedTerritory = onContestedTerritory;
    }
}
