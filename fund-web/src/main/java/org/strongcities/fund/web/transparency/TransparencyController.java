package org.strongcities.fund.web.transparency;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.strongcities.fund.web.finance.ActivityTotals;
import org.strongcities.fund.web.finance.Charts;
import org.strongcities.fund.web.finance.FundedActivity;
import org.strongcities.fund.web.transparency.TransparencyQueries.DonorYear;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The public page (no sign-in): money received per donor and year, awards by region and priority,
 * and the fund's totals. A case marked sensitive shows only its region, priorities and amount.
 */
@Controller
class TransparencyController {

    private final TransparencyQueries queries;

    TransparencyController(TransparencyQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/transparency")
    String transparency(Model model) {
        List<DonorYear> donorYears = queries.receivedByDonorAndYear();
        Map<Integer, BigDecimal> perYear = new LinkedHashMap<>();
        donorYears.forEach(row -> perYear.merge(row.year(), row.received(), BigDecimal::add));
        List<FundedActivity> awards = queries.awards();
        List<ActivityTotals.Line> byRegion = ActivityTotals.byRegion(awards, FundedActivity::committed);
        List<ActivityTotals.Line> byPriority = ActivityTotals.byPriority(awards, FundedActivity::committed);

        model.addAttribute("totals", queries.totals());
        model.addAttribute("donorYears", donorYears);
        model.addAttribute("yearChart", Charts.bars(List.copyOf(perYear.entrySet()), e -> String.valueOf(e.getKey()),
                Map.Entry::getValue));
        model.addAttribute("awards", awards);
        model.addAttribute("byRegion", byRegion);
        model.addAttribute("byPriority", byPriority);
        model.addAttribute("regionChart", ActivityTotals.bars(byRegion));
        model.addAttribute("priorityChart", ActivityTotals.bars(byPriority));
        return "transparency/index";
    }
}
