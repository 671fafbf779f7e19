package org.strongcities.fund.web.finance;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Server-drawn bar charts (inline SVG, no script): every bar is scaled to the largest value of its
 * chart, in percent of the chart's width. The numbers themselves are always in a table next to it.
 */
public final class Charts {

    private Charts() {
    }

    /** One bar of a simple chart. */
    public record Bar(String label, BigDecimal value, double percent) {
    }

    /** One part of a stacked bar: kind names the colour and legend entry. */
    public record Segment(String kind, BigDecimal value, double x, double width) {
    }

    /** A bar made of parts that add up to its total (for example paid out + committed + available = received). */
    public record StackedBar(String label, BigDecimal total, List<Segment> segments) {
    }

    public static <T> List<Bar> bars(List<T> items, Function<T, String> label, Function<T, BigDecimal> value) {
        BigDecimal max = items.stream().map(value).filter(v -> v != null).reduce(BigDecimal.ZERO, BigDecimal::max);
        List<Bar> bars = new ArrayList<>();
        for (T item : items) {
            BigDecimal v = value.apply(item) == null ? BigDecimal.ZERO : value.apply(item);
            bars.add(new Bar(label.apply(item), v, percent(v, max)));
        }
        return bars;
    }

    /**
     * Stacked bars of the given kinds, scaled to the largest total. values.apply(item) returns one
     * amount per kind, in the order of kinds; a negative part is drawn as zero.
     */
    public static <T> List<StackedBar> stacked(List<T> items, Function<T, String> label, List<String> kinds,
                                               Function<T, List<BigDecimal>> values) {
        List<BigDecimal> totals = items.stream().map(item -> values.apply(item).stream()
                .map(v -> v.max(BigDecimal.ZERO)).reduce(BigDecimal.ZERO, BigDecimal::add)).toList();
        BigDecimal max = totals.stream().reduce(BigDecimal.ZERO, BigDecimal::max);
        List<StackedBar> bars = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            List<BigDecimal> parts = values.apply(items.get(i));
            List<Segment> segments = new ArrayList<>();
            double x = 0;
            for (int k = 0; k < kinds.size(); k++) {
                BigDecimal part = parts.get(k).max(BigDecimal.ZERO);
                double width = percent(part, max);
                segments.add(new Segment(kinds.get(k), part, x, width));
                x += width;
            }
            bars.add(new StackedBar(label.apply(items.get(i)), totals.get(i), segments));
        }
        return bars;
    }

    static double percent(BigDecimal value, BigDecimal max) {
        if (max == null || max.signum() <= 0 || value == null || value.signum() <= 0) {
            return 0;
        }
        double percent = value.divide(max, MathContext.DECIMAL64).doubleValue() * 100;
        return Math.round(percent * 100) / 100.0;
    }
}
