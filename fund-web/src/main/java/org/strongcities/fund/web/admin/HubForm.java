package org.strongcities.fund.web.admin;

/** A Regional Hub as the administrator types it. */
public class HubForm {

    private String hubId = "";
    private String name = "";
    private String region = "";
    private String hostOrganisation = "";

    public String getHubId() {
        return hubId;
    }

    public void setHubId(String hubId) {
        this.hubId = hubId == null ? "" : hubId.strip();
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name == null ? "" : name.strip();
    }

    public String getRegion() {
        return region;
    }

    public void setRegion(String region) {
        this.region = region == null ? "" : region;
    }

    public String getHostOrganisation() {
        return hostOrganisation;
    }

    public void setHostOrganisation(String hostOrganisation) {
        this.hostOrganisation = hostOrganisation == null ? "" : hostOrganisation.strip();
    }
}
