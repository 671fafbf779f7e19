package org.strongcities.fund.web.reports;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.strongcities.fund.web.security.FundUser;
import org.strongcities.fund.web.security.Role;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Reports for people: a donor's report for a period and the fund's annual summary for the
 * International Steering Committee, each as a page and as a PDF with the same figures.
 * A donor account gets its own donor's report only; finance and administrators choose the donor.
 * Bad input is answered with a page that says what is wrong (400, 403 or 404), never a 500.
 */
@Controller
@RequestMapping("/reports")
class ReportsController {

    static final String DONOR_ROLES = "hasAnyRole('DONOR', 'FINANCE_OFFICER', 'FINANCE_APPROVER', 'ADMINISTRATOR')";
    static final String ANNUAL_ROLES = "hasAnyRole('FINANCE_OFFICER', 'FINANCE_APPROVER', 'ADMINISTRATOR', 'CENTRAL_REVIEWER')";

    private final Reports reports;
    private final ReportQueries queries;
    private final ReportPdfs pdfs;
    private final ReportText text;
    private final Clock clock = Clock.systemUTC();

    ReportsController(Reports reports, ReportQueries queries, ReportPdfs pdfs, ReportText text) {
        this.reports = reports;
        this.queries = queries;
        this.pdfs = pdfs;
        this.text = text;
    }

    @GetMapping("/donor")
    @PreAuthorize(DONOR_ROLES)
    String donor(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                 @RequestParam(required = false) String donor, @AuthenticationPrincipal FundUser user, Model model) {
        ReportPeriod period = ReportPeriod.parse(from, to, today());
        Optional<String> donorId = donorOf(user, donor);
        model.addAttribute("period", period);
        model.addAttribute("donorView", isDonor(user));
        if (donorId.isEmpty()) {
            model.addAttribute("donors", queries.donors());
            return "reports/choose-donor";
        }
        DonorReport report = reports.donor(donorId.get(), nameOf(donorId.get()), period);
        model.addAttribute("report", report);
        model.addAttribute("donorParam", isDonor(user) ? null : report.donorId());
        return "reports/donor";
    }

    @GetMapping(value = "/donor.pdf")
    @PreAuthorize(DONOR_ROLES)
    ResponseEntity<byte[]> donorPdf(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                    @RequestParam(required = false) String donor, @AuthenticationPrincipal FundUser user) {
        ReportPeriod period = ReportPeriod.parse(from, to, today());
        String donorId = donorOf(user, donor)
                .orElseThrow(() -> new ReportProblem(HttpStatus.BAD_REQUEST, "reports.problem.donorMissing"));
        DonorReport report = reports.donor(donorId, nameOf(donorId), period);
        return pdf(pdfs.donor(report), "donor-report-" + donorId + "-" + period.from() + "-to-" + period.to() + ".pdf");
    }

    @GetMapping("/annual")
    @PreAuthorize(ANNUAL_ROLES)
    String annual(@RequestParam(required = false) String year, Model model) {
        ReportPeriod period = ReportPeriod.year(year, today());
        model.addAttribute("summary", reports.annual(period));
        model.addAttribute("previousYear", period.year() - 1);
        model.addAttribute("nextYear", period.year() + 1);
        return "reports/annual";
    }

    @GetMapping("/annual.pdf")
    @PreAuthorize(ANNUAL_ROLES)
    ResponseEntity<byte[]> annualPdf(@RequestParam(required = false) String year) {
        ReportPeriod period = ReportPeriod.year(year, today());
        return pdf(pdfs.annual(reports.annual(period)), "annual-summary-" + period.year() + ".pdf");
    }

    @ExceptionHandler(ReportProblem.class)
    ModelAndView problem(ReportProblem problem) {
        return problemPage(problem.status(), text.get(problem.messageKey(), problem.arguments()));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ModelAndView denied(AccessDeniedException denied) {
        return problemPage(HttpStatus.FORBIDDEN, text.get("reports.problem.forbidden"));
    }

    private ModelAndView problemPage(HttpStatus status, String message) {
        ModelAndView page = new ModelAndView("reports/problem");
        page.setStatus(status);
        page.addObject("status", status.value());
        page.addObject("reason", text.get("reports.problem.status." + status.value()));
        page.addObject("message", message);
        return page;
    }

    /**
     * The donor whose report is asked for. A donor account: its own, and a donor id in the request
     * that is not its own is not found (the same answer as for an unknown id, so nothing can be
     * probed). Finance and administrators: the one named, which must exist; none named means "choose".
     */
    private Optional<String> donorOf(FundUser user, String requested) {
        String wanted = requested == null || requested.isBlank() ? null : requested.trim();
        if (isDonor(user)) {
            String own = user.account().donorId();
            if (own == null || own.isBlank()) {
                throw new ReportProblem(HttpStatus.FORBIDDEN, "reports.problem.unbound");
            }
            if (wanted != null && !wanted.equals(own)) {
                throw new ReportProblem(HttpStatus.NOT_FOUND, "reports.problem.donorNotFound");
            }
            return Optional.of(own);
        }
        if (wanted == null) {
            return Optional.empty();
        }
        if (queries.donorName(wanted).isEmpty()) {
            throw new ReportProblem(HttpStatus.NOT_FOUND, "reports.problem.donorNotFound");
        }
        return Optional.of(wanted);
    }

    private String nameOf(String donorId) {
        return queries.donorName(donorId).orElse(donorId);
    }

    private static boolean isDonor(FundUser user) {
        return user != null && user.role() == Role.DONOR;
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private static ResponseEntity<byte[]> pdf(byte[] bytes, String filename) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(filename.replaceAll("[^A-Za-z0-9._-]", "_")).build().toString())
                .body(bytes);
    }
}
