package org.strongcities.fund.web.finance;

/** The form to record the payment of an approved tranche. */
public class PaymentForm {

    private String paymentReference;
    private String valueDate;

    public String getPaymentReference() { return paymentReference; }
    public void setPaymentReference(String paymentReference) { this.paymentReference = paymentReference; }
    public String getValueDate() { return valueDate; }
    public void setValueDate(String valueDate) { this.valueDate = valueDate; }
}
