package org.strongcities.fund.web.cases;

import org.strongcities.fund.domain.api.ApplicationContent;
import org.strongcities.fund.domain.api.BudgetLine;
import org.strongcities.fund.domain.api.BusinessRuleViolation;
import org.strongcities.fund.domain.api.Indicator;
import org.strongcities.fund.domain.api.Money;
import org.strongcities.fund.domain.api.StrategicPriority;
import org.strongcities.fund.domain.api.SupportType;
import org.strongcities.fund.domain.policy.TextLimits;
import org.strongcities.fund.web.platform.Amounts;
import org.strongcities.fund.web.platform.TypedDates;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The application form as typed: every value a string, so that a wrong amount or date can be
 * reported next to its field instead of failing the whole request.
 */
public class ApplicationForm {

    static final int BUDGET_ROWS = 6;
    static final int INDICATOR_ROWS = 4;
    static final int MAX_TEXT = TextLimits.LONG_TEXT;
    static final int MAX_LINE = TextLimits.SHORT_TEXT;

    private String title = "";
    private String summary = "";
    private List<String> priorities = new ArrayList<>();
    private String supportType = "";
    private String requestedAmount = "";
    private String currency = Money.USD;
    private List<Row> budgetLines = rows(BUDGET_ROWS);
    private String timelineStart = "";
    private String timelineEnd = "";
    private String objectives = "";
    private List<Row> indicators = rows(INDICATOR_ROWS);
    private String risks = "";
    private String doNoHarm = "";
    private boolean sensitive;
    private String responseToReviewers = "";
    /** Fields whose amount was readable but could not be kept because the currency is not one we know. */
    private final Set<String> heldBackByCurrency = new HashSet<>();

    /** One budget line (description, amount) or indicator (name, baseline, target) row. */
    public static class Row {
        private String first = "";
        private String second = "";
        private String third = "";

        public String getFirst() { return first; }
        public void setFirst(String first) { this.first = first; }
        public String getSecond() { return second; }
        public void setSecond(String second) { this.second = second; }
        public String getThird() { return third; }
        public void setThird(String third) { this.third = third; }

        boolean blank() {
            return isBlank(first) && isBlank(second) && isBlank(third);
        }
    }

    static ApplicationForm from(ApplicationContent content) {
        ApplicationForm form = new ApplicationForm();
        if (content == null) {
            return form;
        }
        form.title = orEmpty(content.title());
        form.summary = orEmpty(content.summary());
        form.priorities = new ArrayList<>(content.priorities().stream().map(Enum::name).sorted().toList());
        form.supportType = content.supportType() == null ? "" : content.supportType().name();
        if (content.requestedAmount() != null) {
            form.requestedAmount = content.requestedAmount().amount().toPlainString();
            form.currency = content.requestedAmount().currency();
        }
        for (int i = 0; i < content.budgetLines().size() && i < BUDGET_ROWS; i++) {
            BudgetLine line = content.budgetLines().get(i);
            form.budgetLines.get(i).first = orEmpty(line.description());
            form.budgetLines.get(i).second = line.amount() == null ? "" : line.amount().amount().toPlainString();
        }
        form.timelineStart = content.timelineStart() == null ? "" : content.timelineStart().toString();
        form.timelineEnd = content.timelineEnd() == null ? "" : content.timelineEnd().toString();
        form.objectives = orEmpty(content.objectives());
        for (int i = 0; i < content.indicators().size() && i < INDICATOR_ROWS; i++) {
            Indicator indicator = content.indicators().get(i);
            form.indicators.get(i).first = orEmpty(indicator.name());
            form.indicators.get(i).second = orEmpty(indicator.baseline());
            form.indicators.get(i).third = orEmpty(indicator.target());
        }
        form.risks = orEmpty(content.risks());
        form.doNoHarm = orEmpty(content.doNoHarm());
        form.sensitive = content.sensitive();
        return form;
    }

    /**
     * The content as far as it can be read; every value that cannot be kept as typed (an amount that is no number,
     * a currency the fund does not know, a text over its limit) is reported in {@code errors} under its field name
     * (an amount left out, a text kept whole). A caller must then store nothing, so the form is shown again.
     */
    ApplicationContent toContent(Map<String, String> errors) {
        heldBackByCurrency.clear();
        Set<StrategicPriority> chosen = EnumSet.noneOf(StrategicPriority.class);
        for (String priority : priorities == null ? List.<String>of() : priorities) {
            try {
                chosen.add(StrategicPriority.valueOf(priority));
            } catch (IllegalArgumentException e) {
                errors.put("priorities", "Choose the priorities from the list.");
            }
        }
        SupportType type = null;
        if (!isBlank(supportType)) {
            try {
                type = SupportType.valueOf(supportType);
            } catch (IllegalArgumentException e) {
                errors.put("supportType", "Choose the type of support from the list.");
            }
        }
        Money requested = money(requestedAmount, "requestedAmount", null, errors);
        List<BudgetLine> lines = new ArrayList<>();
        List<Row> budgetRows = budgetLines == null ? List.of() : budgetLines;
        for (int i = 0; i < budgetRows.size(); i++) {
            Row row = budgetRows.get(i);
            if (row.blank()) {
                continue;
            }
            String line = "budget line " + (i + 1);
            Money amount = money(row.second, "budgetLines", line, errors);
            lines.add(new BudgetLine(text(row.first), amount));
        }
        List<Indicator> indicatorList = new ArrayList<>();
        List<Row> indicatorRows = indicators == null ? List.of() : indicators;
        for (int i = 0; i < indicatorRows.size(); i++) {
            Row row = indicatorRows.get(i);
            if (!row.blank()) {
                indicatorList.add(new Indicator(text(row.first), text(row.second), text(row.third)));
            }
        }
        String currencyProblem = currencyProblem(currency, heldBackByCurrency);
        if (currencyProblem != null) {
            errors.put("currency", currencyProblem);
        }
        ApplicationContent content = new ApplicationContent(text(title), text(summary), chosen, type, requested, lines,
                date(timelineStart, "timelineStart", errors), date(timelineEnd, "timelineEnd", errors), text(objectives),
                indicatorList, text(risks), text(doNoHarm), sensitive);
        // The domain's limits, said beside their fields; the aggregate checks the same ones again.
        TextLimits.problems(content).forEach(tooLong -> problem(errors, tooLong.field(), null, tooLong.message() + "."));
        // Not part of the content, but typed into the same form and refused by the same rule.
        TextLimits.tooLong("your response to the reviewers", responseToReviewers, MAX_TEXT)
                .ifPresent(tooLong -> problem(errors, "responseToReviewers", null, tooLong + "."));
        return content;
    }

    /** The typed amount; {@code row} names the budget line it is on, or is null for the requested amount. */
    private Money money(String text, String field, String row, Map<String, String> errors) {
        if (isBlank(text)) {
            return null;
        }
        if (text.strip().startsWith("-") && Amounts.parse(text.strip().substring(1)).isPresent()) {
            problem(errors, field, row, "amounts cannot be negative: " + Amounts.shown(text));
            return null;
        }
        BigDecimal amount = Amounts.parse(text).orElse(null);
        if (amount == null) {
            problem(errors, field, row, "type the amount as a number, for example 25000 or 25000.50 (you typed '"
                    + Amounts.shown(text) + "').");
            return null;
        }
        if (amount.compareTo(new BigDecimal("1000000000")) > 0) {
            problem(errors, field, row, "that amount is beyond what the fund can award: " + Amounts.shown(text));
            return null;
        }
        if (currencyProblem(currency) != null) {
            // The amount is there; the currency is what is wrong, and that is said next to the currency.
            heldBackByCurrency.add(field);
            return null;
        }
        try {
            return new Money(amount, currency);
        } catch (BusinessRuleViolation e) {
            if (isCurrencyProblem(e)) {
                errors.put("currency", e.getMessage());
            } else {
                problem(errors, field, row, e.getMessage());
            }
        }
        return null;
    }

    /** Why the typed currency cannot be used, in the city's words; null when it is an ISO 4217 money currency. */
    private static String currencyProblem(String currency) {
        return currencyProblem(currency, Set.of());
    }

    /**
     * The same, saying which typed amounts wait for the currency ({@code heldBack}: the fields whose amounts it
     * held back), so the city knows they are not lost and why they are not saved yet.
     */
    private static String currencyProblem(String currency, Set<String> heldBack) {
        String code = currency == null ? "" : currency.strip().toUpperCase(Locale.ROOT);
        List<String> amounts = new ArrayList<>();
        if (heldBack.contains("requestedAmount")) {
            amounts.add("requested amount");
        }
        if (heldBack.contains("budgetLines")) {
            amounts.add("budget line amounts");
        }
        String accepted = "The fund accepts three-letter ISO 4217 codes such as USD or EUR."
                + (amounts.isEmpty() ? "" : " Your " + String.join(" and ", amounts)
                + " stay in the form and are saved once the currency is one of these.");
        if (code.isEmpty()) {
            return "Type the currency. " + accepted;
        }
        try {
            if (Currency.getInstance(code).getDefaultFractionDigits() < 0) {
                return code + " is not a money currency. " + accepted;
            }
            return null;
        } catch (IllegalArgumentException unknown) {
            return Amounts.shown(code) + " is not a currency code we know. " + accepted;
        }
    }

    /**
     * Whether the amount in {@code field} was typed and readable but left out because the currency is
     * unknown; completeness checks must then not call it missing.
     */
    boolean heldBackByCurrency(String field) {
        return heldBackByCurrency.contains(field);
    }

    private static boolean isCurrencyProblem(BusinessRuleViolation e) {
        return e.getMessage() != null && e.getMessage().toLowerCase().contains("currency");
    }

    private static LocalDate date(String text, String field, Map<String, String> errors) {
        if (isBlank(text)) {
            return null;
        }
        try {
            return TypedDates.parse(text);
        } catch (DateTimeParseException e) {
            errors.put(field, "Type the date as YYYY-MM-DD (you typed '" + Amounts.shown(text) + "').");
            return null;
        }
    }

    /** The typed text without surrounding blanks, or null when empty; its limit is checked on the whole content. */
    private static String text(String typed) {
        String trimmed = typed == null ? "" : typed.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }

    /**
     * Adds a problem of a field; several rows of one table share its field, so their problems are all said,
     * each after the row it is on.
     */
    private static void problem(Map<String, String> errors, String field, String row, String message) {
        String said = capitalised(row == null ? message : row + ": " + message);
        errors.merge(field, said, (earlier, later) -> earlier + " " + later);
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }

    private static List<Row> rows(int count) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            rows.add(new Row());
        }
        return rows;
    }

    /** Pads the rows back to the form's size after binding, so the page always shows the same grid. */
    void padRows() {
        budgetLines = pad(budgetLines, BUDGET_ROWS);
        indicators = pad(indicators, INDICATOR_ROWS);
    }

    private static List<Row> pad(List<Row> rows, int size) {
        List<Row> padded = new ArrayList<>(rows == null ? List.of() : rows.subList(0, Math.min(rows.size(), size)));
        while (padded.size() < size) {
            padded.add(new Row());
        }
        return padded;
    }

    static Map<String, String> newErrors() {
        return new LinkedHashMap<>();
    }

    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getSummary() { return summary; }
    public void setSummary(String summary) { this.summary = summary; }
    public List<String> getPriorities() { return priorities; }
    public void setPriorities(List<String> priorities) { this.priorities = priorities; }
    public String getSupportType() { return supportType; }
    public void setSupportType(String supportType) { this.supportType = supportType; }
    public String getRequestedAmount() { return requestedAmount; }
    public void setRequestedAmount(String requestedAmount) { this.requestedAmount = requestedAmount; }
    public String getCurrency() { return currency; }
    public void setCurrency(String currency) { this.currency = currency == null ? "" : currency.trim().toUpperCase(); }
    public List<Row> getBudgetLines() { return budgetLines; }
    public void setBudgetLines(List<Row> budgetLines) { this.budgetLines = budgetLines; }
    public String getTimelineStart() { return timelineStart; }
    public void setTimelineStart(String timelineStart) { this.timelineStart = timelineStart; }
    public String getTimelineEnd() { return timelineEnd; }
    public void setTimelineEnd(String timelineEnd) { this.timelineEnd = timelineEnd; }
    public String getObjectives() { return objectives; }
    public void setObjectives(String objectives) { this.objectives = objectives; }
    public List<Row> getIndicators() { return indicators; }
    public void setIndicators(List<Row> indicators) { this.indicators = indicators; }
    public String getRisks() { return risks; }
    public void setRisks(String risks) { this.risks = risks; }
    public String getDoNoHarm() { return doNoHarm; }
    public void setDoNoHarm(String doNoHarm) { this.doNoHarm = doNoHarm; }
    public boolean isSensitive() { return sensitive; }
    public void setSensitive(boolean sensitive) { this.sensitive = sensitive; }
    public String getResponseToReviewers() { return responseToReviewers; }
    public void setResponseToReviewers(String responseToReviewers) { this.responseToReviewers = responseToReviewers; }
}
