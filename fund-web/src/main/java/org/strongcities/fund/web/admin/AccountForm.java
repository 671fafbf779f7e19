package org.strongcities.fund.web.admin;

/** What an administrator types to create an account; kept as typed so a refused form loses nothing. */
public class AccountForm {

    private String username = "";
    private String displayName = "";
    private String role = "";
    private String cityId = "";
    private String hubId = "";
    private String donorId = "";
    private String initialPassword = "";

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username == null ? "" : username.strip();
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName == null ? "" : displayName.strip();
    }

    public String getRole() {
        return role;
    }

    public void setRole(String role) {
        this.role = role == null ? "" : role;
    }

    public String getCityId() {
        return cityId;
    }

    public void setCityId(String cityId) {
        this.cityId = cityId == null ? "" : cityId;
    }

    public String getHubId() {
        return hubId;
    }

    public void setHubId(String hubId) {
        this.hubId = hubId == null ? "" : hubId;
    }

    public String getDonorId() {
        return donorId;
    }

    public void setDonorId(String donorId) {
        this.donorId = donorId == null ? "" : donorId;
    }

    public String getInitialPassword() {
        return initialPassword;
    }

    public void setInitialPassword(String initialPassword) {
        this.initialPassword = initialPassword == null ? "" : initialPassword;
    }
}
