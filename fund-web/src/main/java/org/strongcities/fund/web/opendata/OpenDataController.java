package org.strongcities.fund.web.opendata;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.View;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;

/**
 * The public open-data files (no sign-in: SecurityConfiguration permits /open-data/**). Each file
 * takes optional from and to dates (YYYY-MM-DD, inclusive).
 *
 * <p>IATI 2.03 asks for at least one iati-activity and the 360Giving package for at least one grant,
 * so the activity and grants files of a period without awards would fail their schemas. Such a file
 * is never published: the answer is 404 with a page that says there is nothing to publish for that
 * period and where to go instead. The organisation file describes the publisher and is valid without
 * awards, so it is always published.
 */
@Controller
class OpenDataController {

    private static final MediaType XML = new MediaType("application", "xml", StandardCharsets.UTF_8);
    private static final MediaType JSON = new MediaType("application", "json", StandardCharsets.UTF_8);
    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
    /** Files prepared or being sent at once; see file(). */
    static final int FILES_AT_ONCE = 4;

    private final OpenDataRepository data;
    private final IatiWriter iati;
    private final GrantsWriter grants;
    private final TransactionTemplate snapshot;
    final Semaphore filesAtOnce = new Semaphore(FILES_AT_ONCE);

    OpenDataController(OpenDataRepository data, IatiWriter iati, GrantsWriter grants,
                       PlatformTransactionManager transactionManager) {
        this.data = data;
        this.iati = iati;
        this.grants = grants;
        // One read-only snapshot per file: awards are read a batch at a time while the file is written,
        // and a tranche paid meanwhile must not show in one batch and be missing from the totals of another.
        this.snapshot = new TransactionTemplate(transactionManager);
        this.snapshot.setReadOnly(true);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.snapshot.setName("open-data-export");
    }

    @GetMapping("/open-data")
    String index(Model model) {
        // Before the first award the activity and grants files only say "nothing to publish": the page
        // says so itself rather than offer links that lead there.
        model.addAttribute("anyAward", data.anyAward(Period.all()));
        return "opendata/index";
    }

    @GetMapping("/open-data/iati/activities.xml")
    void activities(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                    HttpServletResponse response) throws IOException {
        Period period = period(from, to);
        file(response, XML, null, period, out -> iati.activities(data.awards(period), out));
    }

    @GetMapping("/open-data/iati/organisation.xml")
    void organisation(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                      HttpServletResponse response) throws IOException {
        Period period = period(from, to);
        file(response, XML, null, null,
                out -> iati.organisation(data.receiptsByDonorAndYear(period), data.netPaymentsByYear(period), period, out));
    }

    @GetMapping("/open-data/360giving/grants.json")
    void grantsJson(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                    HttpServletResponse response) throws IOException {
        Period period = period(from, to);
        file(response, JSON, null, period, out -> grants.json(data.awards(period), period, out));
    }

    @GetMapping("/open-data/360giving/grants.csv")
    void grantsCsv(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                   HttpServletResponse response) throws IOException {
        Period period = period(from, to);
        file(response, CSV, "grants.csv", period, out -> grants.csv(data.awards(period), out));
    }

    private static Period period(LocalDate from, LocalDate to) {
        Period period = new Period(from, to);
        if (period.isOutOfRange()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Dates must lie between the years "
                    + Period.FIRST_YEAR + " and " + Period.LAST_YEAR);
        }
        if (period.isBackwards()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "The period ends (" + to + ") before it starts (" + from + ")");
        }
        return period;
    }

    /**
     * Writes the file to a spool file first, in one read-only snapshot, then sends it. The database
     * connection is held for as long as the file takes to write (10 s for the whole Network), never for
     * as long as a slow client takes to read it: a public download must not tie up the connection pool.
     * At most {@link #FILES_AT_ONCE} files are prepared or sent at once (each spool file can be a few
     * hundred megabytes); beyond that the answer is 503 with a time to retry. Everything that can be
     * refused is checked before the first byte.
     *
     * @param awardsOf for a file of awards, their period: without an award in it there is nothing to publish
     */
    private void file(HttpServletResponse response, MediaType type, String attachmentName, Period awardsOf,
                      Consumer<Writer> body) throws IOException {
        if (!filesAtOnce.tryAcquire()) {
            response.setHeader(HttpHeaders.RETRY_AFTER, "30");
            throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE,
                    "Open-data files are being prepared for other visitors. Try again in half a minute.");
        }
        Path spool = Files.createTempFile("fund-open-data-", ".part");
        try {
            try (Writer out = Files.newBufferedWriter(spool, StandardCharsets.UTF_8)) {
                snapshot.executeWithoutResult(status -> {
                    // Asked in the snapshot the file is written from, so the file cannot come out empty.
                    if (awardsOf != null && !data.anyAward(awardsOf)) {
                        throw new NothingToPublish(awardsOf);
                    }
                    body.accept(out);
                });
            }
            response.setContentType(type.toString());
            response.setHeader(HttpHeaders.CACHE_CONTROL, "public, max-age=300");
            response.setHeader("X-Content-Type-Options", "nosniff");
            if (attachmentName != null) {
                response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + attachmentName + "\"");
            }
            response.setContentLengthLong(Files.size(spool));
            Files.copy(spool, response.getOutputStream());
        } finally {
            Files.deleteIfExists(spool);
            filesAtOnce.release();
        }
    }

    /** A file of awards was asked for a period without any; thrown before anything is written or sent. */
    static final class NothingToPublish extends RuntimeException {

        final Period period;

        NothingToPublish(Period period) {
            super("No award in " + period);
            this.period = period;
        }
    }

    /**
     * 404 (there is no such file), as a page for the visitor: which days held no award, that a file
     * without awards would not be valid IATI or 360Giving, and where to go instead. The file of every
     * award is offered only when it is not itself empty.
     */
    @ExceptionHandler(NothingToPublish.class)
    ModelAndView nothingToPublish(NothingToPublish nothing, HttpServletRequest request) {
        Period period = nothing.period;
        boolean wholeHistory = period.from() == null && period.to() == null;
        // The address ends in .xml, .json or .csv, and Thymeleaf takes a page's content type from the address
        // when the request does not settle it: the page is HTML, whatever the Accept header asked for.
        request.setAttribute(HandlerMapping.PRODUCIBLE_MEDIA_TYPES_ATTRIBUTE, Set.of(MediaType.TEXT_HTML));
        request.setAttribute(View.SELECTED_CONTENT_TYPE, MediaType.TEXT_HTML);
        ModelAndView page = new ModelAndView("opendata/empty", HttpStatus.NOT_FOUND);
        page.addObject("from", period.from());
        page.addObject("to", period.to());
        page.addObject("everyAward", !wholeHistory && data.anyAward(Period.all()) ? request.getRequestURI() : null);
        return page;
    }
}
