package org.strongcities.fund.web.opendata;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

/**
 * The public open-data files (no sign-in: SecurityConfiguration permits /open-data/**). Each file
 * takes optional from and to dates (YYYY-MM-DD, inclusive); a period without awards gives a file
 * without activities or grants, never an error.
 */
@Controller
class OpenDataController {

    private static final MediaType XML = new MediaType("application", "xml", StandardCharsets.UTF_8);
    private static final MediaType JSON = new MediaType("application", "json", StandardCharsets.UTF_8);
    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final OpenDataRepository data;
    private final IatiWriter iati;
    private final GrantsWriter grants;

    OpenDataController(OpenDataRepository data, IatiWriter iati, GrantsWriter grants) {
        this.data = data;
        this.iati = iati;
        this.grants = grants;
    }

    @GetMapping("/open-data")
    String index() {
        return "opendata/index";
    }

    @GetMapping("/open-data/iati/activities.xml")
    ResponseEntity<String> activities(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return file(XML, null, iati.activities(data.awards(period(from, to))));
    }

    @GetMapping("/open-data/iati/organisation.xml")
    ResponseEntity<String> organisation(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        Period period = period(from, to);
        return file(XML, null, iati.organisation(data.receiptsByDonorAndYear(period), data.netPaymentsByYear(period), period));
    }

    @GetMapping("/open-data/360giving/grants.json")
    ResponseEntity<String> grantsJson(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        Period period = period(from, to);
        return file(JSON, null, grants.json(data.awards(period), period));
    }

    @GetMapping("/open-data/360giving/grants.csv")
    ResponseEntity<String> grantsCsv(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return file(CSV, "grants.csv", grants.csv(data.awards(period(from, to))));
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

    private static ResponseEntity<String> file(MediaType type, String attachmentName, String body) {
        ResponseEntity.BodyBuilder response = ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CACHE_CONTROL, "public, max-age=300")
                .header("X-Content-Type-Options", "nosniff");
        if (attachmentName != null) {
            response.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + attachmentName + "\"");
        }
        return response.body(body);
    }
}
