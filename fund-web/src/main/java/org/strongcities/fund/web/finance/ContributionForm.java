package org.strongcities.fund.web.finance;

/** The form to sign a contribution agreement; every field as typed. */
public class ContributionForm {

    private String contributionId = FormInput.newId("contribution");
    private String donorId;
    private String amount;
    private String currency;
    private String periodStart;
    private String periodEnd;
    private String earmarkKind = "UNRESTRICTED";
    private String earmarkValue;
    private String earmarkPurpose;

    public String getContributionId() { return contributionId; }
    public void setContributionId(String contributionId) { this.contributionId = contributionId; }
    public String getDonorId() { return donorId; }
    public void setDonorId(String donorId) { this.donorId = donorId; }
    public String getAmount() { return amount; }
    public void setAmount(String amount) { this.amount = amount; }
    public String getCurrency() { return currency; }
    public void setCurrency(String currency) { this.currency = currency; }
    public String getPeriodStart() { return periodStart; }
    public void setPeriodStart(String periodStart) { this.periodStart = periodStart; }
    public String getPeriodEnd() { return periodEnd; }
    public void setPeriodEnd(String periodEnd) { this.periodEnd = periodEnd; }
    public String getEarmarkKind() { return earmarkKind; }
    public void setEarmarkKind(String earmarkKind) { this.earmarkKind = earmarkKind; }
    public String getEarmarkValue() { return earmarkValue; }
    public void setEarmarkValue(String earmarkValue) { this.earmarkValue = earmarkValue; }
    public String getEarmarkPurpose() { return earmarkPurpose; }
    public void setEarmarkPurpose(String earmarkPurpose) { this.earmarkPurpose = earmarkPurpose; }
}
