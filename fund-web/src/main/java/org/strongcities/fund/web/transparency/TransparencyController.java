package org.strongcities.fund.web.transparency;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.strongcities.fund.web.finance.ActivityTotals;
import org.strongcities.fund.web.finance.Charts;
import org.strongcities.fund.web.platform.Paging;
import org.strongcities.fund.web.platform.ProjectedValues;
import org.strongcities.fund.web.platform.SharedSections;
import org.strongcities.fund.web.transparency.TransparencyQueries.DonorYear;
import org.strongcities.fund.web.transparency.TransparencyQueries.Totals;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The public page (no sign-in): money received per donor and year, awards by region and priority,
 * the fund's totals, and the awards themselves a page at a time (the complete list is the open data
 * export). A case marked sensitive shows only its region, priorities and amount.
 */
@Controller
class TransparencyController {

    static final int AWARDS_PER_PAGE = 50;

    /** The figures over the whole fund; they change only when a projection moves on. */
    record Summary(Totals totals, List<DonorYear> donorYears, List<ActivityTotals.Line> byRegion,
                   List<ActivityTotals.Line> byPriority, int awardCount) {
    }

    private final TransparencyQueries queries;
    private final ProjectedValues projected;
    private final SharedSections sections;

    TransparencyController(TransparencyQueries queries, ProjectedValues projected, SharedSections sections) {
        this.queries = queries;
        this.projected = projected;
        this.sections = sections;
    }

    /**
     * The figures and each page of the list are the same for every visitor, so they are rendered once
     * per change (SharedSections); the links between pages keep the visitor's own parameters, so they
     * are made per request.
     */
    @GetMapping("/transparency")
    String transparency(@RequestParam(defaultValue = "1") int page, HttpServletRequest request,
                        HttpServletResponse response, Model model) {
        Paging paging = Paging.of(request, "/transparency", "page", page, summary().awardCount(), AWARDS_PER_PAGE);
        model.addAttribute("paging", paging);
        // The summary is read again inside: a section must be built from data at least as new as its version.
        model.addAttribute("summary", sections.html("transparency-summary", "transparency/summary",
                () -> summaryModel(summary()), request, response));
        model.addAttribute("awardTable", sections.html("transparency-awards-" + paging.page(), "transparency/awards",
                () -> Map.of("awards", queries.awards(paging.offset(), paging.perPage())), request, response));
        return "transparency/index";
    }

    private Summary summary() {
        return projected.get("transparency", () -> new Summary(queries.totals(), queries.receivedByDonorAndYear(),
                queries.awardedByRegion(), queries.awardedByPriority(), queries.awardCount()));
    }

    private static Map<String, ?> summaryModel(Summary summary) {
        Map<Integer, BigDecimal> perYear = new LinkedHashMap<>();
        summary.donorYears().forEach(row -> perYear.merge(row.year(), row.received(), BigDecimal::add));
        return Map.of("totals", summary.totals(),
                "donorYears", summary.donorYears(),
                "yearChart", Charts.bars(List.copyOf(perYear.entrySet()), e -> String.valueOf(e.getKey()),
                        Map.Entry::getValue),
                "byRegion", summary.byRegion(),
                "byPriority", summary.byPriority(),
                "regionChart", ActivityTotals.bars(summary.byRegion()),
                "priorityChart", ActivityTotals.bars(summary.byPriority()));
    }
}
