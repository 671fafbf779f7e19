package org.strongcities.fund.web.finance;

/** The form to record money received on a contribution, with its conversion to USD. */
public class ReceiptForm {

    private String receiptId = FormInput.newId("receipt");
    private String amount;
    private String currency;
    private String rate;
    private String rateSource;
    private String valueDate;

    public String getReceiptId() { return receiptId; }
    public void setReceiptId(String receiptId) { this.receiptId = receiptId; }
    public String getAmount() { return amount; }
    public void setAmount(String amount) { this.amount = amount; }
    public String getCurrency() { return currency; }
    public void setCurrency(String currency) { this.currency = currency; }
    public String getRate() { return rate; }
    public void setRate(String rate) { this.rate = rate; }
    public String getRateSource() { return rateSource; }
    public void setRateSource(String rateSource) { this.rateSource = rateSource; }
    public String getValueDate() { return valueDate; }
    public void setValueDate(String valueDate) { this.valueDate = valueDate; }
}
