package org.strongcities.fund.web.donor;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;
import org.strongcities.fund.web.finance.ActivityTotals;
import org.strongcities.fund.web.finance.BalanceGroup;
import org.strongcities.fund.web.finance.ContributionBalance;
import org.strongcities.fund.web.finance.Csv;
import org.strongcities.fund.web.finance.FinanceText;
import org.strongcities.fund.web.finance.FundedActivity;
import org.strongcities.fund.web.finance.LedgerEntry;
import org.strongcities.fund.web.finance.LedgerQueries;
import org.strongcities.fund.web.security.FundUser;

import java.util.Arrays;
import java.util.List;

import static org.springframework.http.HttpStatus.NOT_FOUND;

/**
 * The donor's own view: what it gave, what was committed and paid from it, to which cities, regions
 * and priorities. Everything is read for the donor the signed-in account is bound to, never for a
 * donor named in the request; another donor's contribution is simply not found.
 */
@Controller
@RequestMapping("/donor")
@PreAuthorize("hasRole('DONOR')")
class DonorController {

    private final LedgerQueries ledger;
    private final DonorQueries queries;
    private final FinanceText text;

    DonorController(LedgerQueries ledger, DonorQueries queries, FinanceText text) {
        this.ledger = ledger;
        this.queries = queries;
        this.text = text;
    }

    @GetMapping
    String overview(@AuthenticationPrincipal FundUser user, Model model) {
        String donorId = donorOf(user);
        List<ContributionBalance> balances = ledger.balancesOfDonor(donorId);
        List<FundedActivity> activities = queries.activities(donorId, null);
        model.addAttribute("donorName", queries.donorName(donorId).orElse(donorId));
        model.addAttribute("total", BalanceGroup.total(text.message("donor.total"), balances));
        model.addAttribute("balances", balances);
        model.addAttribute("receipts", ledger.receiptsOfDonor(donorId));
        breakdowns(activities, model);
        return "donor/index";
    }

    @GetMapping("/contributions/{contributionId}")
    String contribution(@PathVariable String contributionId, @AuthenticationPrincipal FundUser user, Model model) {
        String donorId = donorOf(user);
        ContributionBalance balance = ledger.balanceOfDonor(donorId, contributionId)
                .orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
        model.addAttribute("donorName", queries.donorName(donorId).orElse(donorId));
        model.addAttribute("balance", balance);
        model.addAttribute("receipts", ledger.entries(balance.contributionId()).stream()
                .filter(entry -> "RECEIVED".equals(entry.kind())).toList());
        breakdowns(queries.activities(donorId, balance.contributionId()), model);
        return "donor/contribution";
    }

    @GetMapping("/contributions.csv")
    ResponseEntity<byte[]> contributionsCsv(@AuthenticationPrincipal FundUser user) {
        List<List<?>> rows = ledger.balancesOfDonor(donorOf(user)).stream().<List<?>>map(b -> Arrays.asList(
                b.contributionId(), text.earmark(b), b.pledgedCurrency(), b.pledged(), b.receivedOriginal(), b.periodStart(),
                b.periodEnd(), b.received(), b.committed(), b.disbursed(), b.refunded(), b.available())).toList();
        return Csv.download("our-contributions.csv", text.headers("finance.col.contribution", "finance.col.earmark",
                "finance.col.currency", "finance.col.pledged", "finance.col.receivedOriginal", "finance.col.periodStart",
                "finance.col.periodEnd", "finance.col.receivedUsd", "finance.col.committedUsd", "finance.col.disbursedUsd",
                "finance.col.refundedUsd", "finance.col.availableUsd"), rows);
    }

    @GetMapping("/receipts.csv")
    ResponseEntity<byte[]> receiptsCsv(@AuthenticationPrincipal FundUser user) {
        List<LedgerEntry> receipts = ledger.receiptsOfDonor(donorOf(user));
        List<List<?>> rows = receipts.stream().<List<?>>map(e -> Arrays.asList(e.valueDate(), e.contributionId(),
                e.originalAmount(), e.originalCurrency(), e.rate() == null ? null : e.rate().stripTrailingZeros(),
                e.rateSource(), e.amountUsd())).toList();
        return Csv.download("our-receipts.csv", text.headers("finance.col.valueDate", "finance.col.contribution",
                "finance.col.originalAmount", "finance.col.currency", "finance.col.rate", "finance.col.rateSource",
                "finance.col.amountUsd"), rows);
    }

    @GetMapping("/activities.csv")
    ResponseEntity<byte[]> activitiesCsv(@AuthenticationPrincipal FundUser user) {
        String undisclosed = text.message("donor.undisclosed");
        List<List<?>> rows = queries.activities(donorOf(user), null).stream().<List<?>>map(a -> Arrays.asList(
                a.sensitive() ? undisclosed : a.title(), a.sensitive() ? undisclosed : a.cityName(), a.regionName(),
                String.join("; ", a.priorityNames()), a.committed(), a.disbursed(), a.refunded())).toList();
        return Csv.download("funded-activities.csv", text.headers("donor.col.activity", "finance.col.city",
                "finance.col.region", "donor.col.priorities", "finance.col.committedUsd", "finance.col.disbursedUsd",
                "finance.col.refundedUsd"), rows);
    }

    private void breakdowns(List<FundedActivity> activities, Model model) {
        List<ActivityTotals.Line> byCity = ActivityTotals.byCity(activities, FundedActivity::committed,
                text.message("donor.undisclosed"));
        List<ActivityTotals.Line> byRegion = ActivityTotals.byRegion(activities, FundedActivity::committed);
        List<ActivityTotals.Line> byPriority = ActivityTotals.byPriority(activities, FundedActivity::committed);
        model.addAttribute("activities", activities);
        model.addAttribute("byCity", byCity);
        model.addAttribute("byRegion", byRegion);
        model.addAttribute("byPriority", byPriority);
        model.addAttribute("cityChart", ActivityTotals.bars(byCity));
        model.addAttribute("regionChart", ActivityTotals.bars(byRegion));
        model.addAttribute("priorityChart", ActivityTotals.bars(byPriority));
    }

    /** The donor the account is bound to; a donor account without one sees nothing. */
    private static String donorOf(FundUser user) {
        String donorId = user == null ? null : user.account().donorId();
        if (donorId == null || donorId.isBlank()) {
            throw new AccessDeniedException("This donor account is not bound to a donor");
        }
        return donorId;
    }
}
