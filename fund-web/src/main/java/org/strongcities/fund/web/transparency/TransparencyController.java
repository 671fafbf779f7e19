package org.strongcities.fund.web.transparency;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.strongcities.fund.web.finance.ActivityTotals;
import org.strongcities.fund.web.finance.Charts;
import org.strongcities.fund.web.platform.Paging;
import org.strongcities.fund.web.platform.ProjectedValues;
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

    TransparencyController(TransparencyQueries queries, ProjectedValues projected) {
        this.queries = queries;
        this.projected = projected;
    }

    @GetMapping("/transparency")
    String transparency(@RequestParam(defaultValue = "1") int page, HttpServletRequest request, Model model) {
        Summary summary = projected.get("transparency", () -> new Summary(queries.totals(),
                queries.receivedByDonorAndYear(), queries.awardedByRegion(), queries.awardedByPriority(),
                queries.awardCount()));
        Map<Integer, BigDecimal> perYear = new LinkedHashMap<>();
        summary.donorYears().forEach(row -> perYear.merge(row.year(), row.received(), BigDecimal::add));
        Paging paging = Paging.of(request, "/transparency", "page", page, summary.awardCount(), AWARDS_PER_PAGE);

        model.addAttribute("totals", summary.totals());
        model.addAttribute("donorYears", summary.donorYears());
        model.addAttribute("yearChart", Charts.bars(List.copyOf(perYear.entrySet()), e -> String.valueOf(e.getKey()),
                Map.Entry::getValue));
        model.addAttribute("awards", queries.awards(paging.offset(), paging.perPage()));
        model.addAttribute("paging", paging);
        model.addAttribute("byRegion", summary.byRegion());
        model.addAttribute("byPriority", summary.byPriority());
        model.addAttribute("regionChart", ActivityTotals.bars(summary.byRegion()));
        model.addAttribute("priorityChart", ActivityTotals.bars(summary.byPriority()));
        return "transparency/index";
    }
}
