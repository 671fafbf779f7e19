package org.strongcities.fund.web.admin;

/** A donor as the administrator types it. */
public class DonorForm {

    private String donorId = "";
    private String name = "";
    private String donorType = "";
    private String countryCode = "";
    private String iatiOrgRef = "";

    public String getDonorId() {
        return donorId;
    }

    public void setDonorId(String donorId) {
        this.donorId = donorId == null ? "" : donorId.strip();
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name == null ? "" : name.strip();
    }

    public String getDonorType() {
        return donorType;
    }

    public void setDonorType(String donorType) {
        this.donorType = donorType == null ? "" : donorType;
    }

    public String getCountryCode() {
        return countryCode;
    }

    public void setCountryCode(String countryCode) {
        this.countryCode = countryCode == null ? "" : countryCode.strip().toUpperCase(java.util.Locale.ROOT);
    }

    public String getIatiOrgRef() {
        return iatiOrgRef;
    }

    public void setIatiOrgRef(String iatiOrgRef) {
        this.iatiOrgRef = iatiOrgRef == null ? "" : iatiOrgRef.strip();
    }
}
