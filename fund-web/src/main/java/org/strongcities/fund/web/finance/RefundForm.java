package org.strongcities.fund.web.finance;

/** The form to record money a city paid back on an award, in USD. */
public class RefundForm {

    private String refundId = FormInput.newId("refund");
    private String amount;
    private String reason;

    public String getRefundId() { return refundId; }
    public void setRefundId(String refundId) { this.refundId = refundId; }
    public String getAmount() { return amount; }
    public void setAmount(String amount) { this.amount = amount; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
}
