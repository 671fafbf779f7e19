package org.strongcities.fund.web.cases;

import org.strongcities.fund.domain.api.ApplicationContent;
import org.strongcities.fund.domain.api.BudgetLine;
import org.strongcities.fund.domain.api.BusinessRuleViolation;
import org.strongcities.fund.domain.api.Indicator;
import org.strongcities.fund.domain.api.Money;
import org.strongcities.fund.domain.api.StrategicPriority;
import org.strongcities.fund.domain.api.SupportType;
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
    static final int MAX_TEXT = 20_000;
    static final int MAX_LINE = 500;

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
     * The content as far as it can be read; every value that cannot be read is reported in
     * {@code errors} under its field name and left empty, so a draft still saves.
     */
    ApplicationContent toContent(Map<String, String> errors) {
        heldBackByCurrency.clear();
        String currencyProblem = currencyProblem(currency);
        if (currencyProblem != null) {
            errors.put("currency", currencyProblem);
        }
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
        Money requested = money(requestedAmount, "requestedAmount", errors);
        List<BudgetLine> lines = new ArrayList<>();
        for (Row row : budgetLines == null ? List.<Row>of() : budgetLines) {
            if (row.blank()) {
                continue;
            }
            Money amount = money(row.second, "budgetLines", errors);
            lines.add(new BudgetLine(limit(row.first, MAX_LINE, "budgetLines", errors), amount));
        }
        List<Indicator> indicatorList = new ArrayList<>();
        for (Row row : indicators == null ? List.<Row>of() : indicators) {
            if (!row.blank()) {
                indicatorList.add(new Indicator(limit(row.first, MAX_LINE, "indicators", errors),
                        limit(row.second, MAX_LINE, "indicators", errors), limit(row.third, MAX_LINE, "indicators", errors)));
            }
        }
        return new ApplicationContent(limit(title, MAX_LINE, "title", errors), limit(summary, MAX_TEXT, "summary", errors),
                chosen, type, requested, lines, date(timelineStart, "timelineStart", errors),
                date(timelineEnd, "timelineEnd", errors), limit(objectives, MAX_TEXT, "objectives", errors), indicatorList,
                limit(risks, MAX_TEXT, "risks", errors), limit(doNoHarm, MAX_TEXT, "doNoHarm", errors), sensitive);
    }

    private Money money(String text, String field, Map<String, String> errors) {
        if (isBlank(text)) {
            return null;
        }
        if (text.strip().startsWith("-") && Amounts.parse(text.strip().substring(1)).isPresent()) {
            errors.put(field, "Amounts cannot be negative: " + Amounts.shown(text));
            return null;
        }
        BigDecimal amount = Amounts.parse(text).orElse(null);
        if (amount == null) {
            errors.put(field, "Type the amount as a number, for example 25000 or 25000.50 (you typed '" + Amounts.shown(text) + "').");
            return null;
        }
        if (amount.compareTo(new BigDecimal("1000000000")) > 0) {
            errors.put(field, "That amount is beyond what the fund can award: " + Amounts.shown(text));
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
            errors.put(isCurrencyProblem(e) ? "currency" : field, e.getMessage());
        }
        return null;
    }

    /** Why the typed currency cannot be used, in the city's words; null when it is an ISO 4217 money currency. */
    static String currencyProblem(String currency) {
        String code = currency == null ? "" : currency.strip().toUpperCase(Locale.ROOT);
        if (code.isEmpty()) {
            return "Type the currency as a three-letter ISO 4217 code such as USD or EUR.";
        }
        try {
            if (Currency.getInstance(code).getDefaultFractionDigits() < 0) {
                return code + " is not a money currency: use a three-letter ISO 4217 code such as USD or EUR.";
            }
            return null;
        } catch (IllegalArgumentException unknown) {
            return Amounts.shown(code) + " is not a currency code we know: use a three-letter ISO 4217 code such as USD or EUR.";
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

    private static String limit(String text, int max, String field, Map<String, String> errors) {
        if (text == null) {
            return null;
        }
        String trimmed = text.strip();
        if (trimmed.length() > max) {
            errors.put(field, "This text is too long: at most " + max + " characters (it has " + trimmed.length() + ").");
            return trimmed.substring(0, max);
        }
        return trimmed.isEmpty() ? null : trimmed;
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
