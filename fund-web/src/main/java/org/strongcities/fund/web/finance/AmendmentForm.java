package org.strongcities.fund.web.finance;

import java.util.ArrayList;
import java.util.List;

/**
 * The form to propose an amendment of an award. The award page has one form per kind (a new end date,
 * budget lines moved, more money); each posts only the fields its kind uses. The id is rendered with the form, so a
 * form sent twice is refused by the Award ("already exists") instead of proposing the change twice.
 */
public class AmendmentForm {

    /** One budget line as typed: what the money is for and how much, in USD. */
    public static class Line {
        private String description;
        private String amount;

        public Line() {
        }

        Line(String description, String amount) {
            this.description = description;
            this.amount = amount;
        }

        public String getDescription() { return description; }
        public void setDescription(String description) { this.description = description; }
        public String getAmount() { return amount; }
        public void setAmount(String amount) { this.amount = amount; }
    }

    /** A share of the additional amount drawn from one contribution. */
    public static class Allocation {
        private String contributionId;
        private String amount;

        public String getContributionId() { return contributionId; }
        public void setContributionId(String contributionId) { this.contributionId = contributionId; }
        public String getAmount() { return amount; }
        public void setAmount(String amount) { this.amount = amount; }
    }

    /** An additional tranche: how much, when, and the report it waits for, if any. */
    public static class Tranche {
        private String amount;
        private String plannedDate;
        private String requiresReportId;

        public String getAmount() { return amount; }
        public void setAmount(String amount) { this.amount = amount; }
        public String getPlannedDate() { return plannedDate; }
        public void setPlannedDate(String plannedDate) { this.plannedDate = plannedDate; }
        public String getRequiresReportId() { return requiresReportId; }
        public void setRequiresReportId(String requiresReportId) { this.requiresReportId = requiresReportId; }
    }

    private String amendmentId = FormInput.newId("am");
    private String additionalAmount;
    private List<Allocation> allocations = new ArrayList<>();
    private List<Tranche> tranches = new ArrayList<>();
    private String newEndDate;
    private String reason;
    private List<Line> budgetLines = new ArrayList<>();

    public String getAmendmentId() { return amendmentId; }
    public void setAmendmentId(String amendmentId) { this.amendmentId = amendmentId; }
    public String getNewEndDate() { return newEndDate; }
    public void setNewEndDate(String newEndDate) { this.newEndDate = newEndDate; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
    public String getAdditionalAmount() { return additionalAmount; }
    public void setAdditionalAmount(String additionalAmount) { this.additionalAmount = additionalAmount; }
    public List<Allocation> getAllocations() { return allocations; }
    public void setAllocations(List<Allocation> allocations) { this.allocations = allocations; }
    public List<Tranche> getTranches() { return tranches; }
    public void setTranches(List<Tranche> tranches) { this.tranches = tranches; }
    public List<Line> getBudgetLines() { return budgetLines; }
    public void setBudgetLines(List<Line> budgetLines) { this.budgetLines = budgetLines; }
}
