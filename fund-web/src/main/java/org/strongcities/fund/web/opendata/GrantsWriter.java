package org.strongcities.fund.web.opendata;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.stereotype.Component;
import org.strongcities.fund.web.opendata.DisclosurePolicy.PublicAward;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * 360Giving grants: a JSON package ({"grants": [...]}) and the same grants as a CSV with the
 * standard's column titles. The funder is the Management Unit, which makes the awards; donors are
 * published in the IATI file, where each has its own role.
 */
@Component
public class GrantsWriter {

    static final List<String> CSV_COLUMNS = List.of("Identifier", "Title", "Description", "Currency", "Amount Awarded",
            "Amount Disbursed", "Award Date", "Recipient Org:Identifier", "Recipient Org:Name",
            "Funding Org:Identifier", "Funding Org:Name", "Planned Dates:Start Date", "Planned Dates:End Date",
            "Beneficiary Location:Name", "Beneficiary Location:Country Code", "Last Modified");

    private final OpenDataProperties settings;
    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final Clock clock = Clock.systemUTC();

    @org.springframework.beans.factory.annotation.Autowired
    public GrantsWriter(OpenDataProperties settings) {
        this.settings = settings;
    }

    /**
     * The package. The 360Giving package schema asks for at least one grant; for a period without
     * awards the package still says so with an empty list rather than failing, and consumers see
     * from the metadata which period it covers.
     */
    public String json(List<AwardRecord> awards, Period period) {
        ObjectNode root = json.createObjectNode();
        root.put("version", "1.4");
        root.put("title", "Technical Support Fund of the Strong Cities Network: grants" + describe(period));
        root.put("issued", now());
        ObjectNode publisher = root.putObject("publisher");
        publisher.put("identifier", settings.reportingOrgRef());
        publisher.put("name", settings.reportingOrgName());
        ArrayNode grants = root.putArray("grants");
        for (AwardRecord award : awards) {
            grants.add(grant(DisclosurePolicy.publish(award)));
        }
        try {
            return json.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the grants package", e);
        }
    }

    public String csv(List<AwardRecord> awards) {
        StringBuilder csv = new StringBuilder();
        row(csv, CSV_COLUMNS);
        String modified = now();
        for (AwardRecord award : awards) {
            PublicAward grant = DisclosurePolicy.publish(award);
            AwardRecord source = grant.source();
            row(csv, List.of(grantId(grant), grant.title(), grant.description(), IatiCodes.CURRENCY,
                    source.amountUsd().toPlainString(), source.paidUsd().subtract(source.refundedUsd()).toPlainString(),
                    day(source.madeAt()).toString(), recipientId(grant), grant.recipientName(),
                    settings.reportingOrgRef(), settings.reportingOrgName(), day(source.madeAt()).toString(),
                    source.endDate() == null ? "" : source.endDate().toString(), location(grant),
                    grant.countryCode() == null ? "" : grant.countryCode(), modified));
        }
        return csv.toString();
    }

    private ObjectNode grant(PublicAward grant) {
        AwardRecord source = grant.source();
        ObjectNode node = json.createObjectNode();
        node.put("id", grantId(grant));
        node.put("title", grant.title());
        node.put("description", grant.description());
        node.put("currency", IatiCodes.CURRENCY);
        node.put("amountAwarded", source.amountUsd());
        node.put("amountDisbursed", source.paidUsd().subtract(source.refundedUsd()));
        node.put("awardDate", day(source.madeAt()).toString());
        ObjectNode planned = node.putArray("plannedDates").addObject();
        planned.put("startDate", day(source.madeAt()).toString());
        if (source.endDate() != null) {
            planned.put("endDate", source.endDate().toString());
        }
        ObjectNode recipient = node.putArray("recipientOrganization").addObject();
        recipient.put("id", recipientId(grant));
        recipient.put("name", grant.recipientName());
        ObjectNode funder = node.putArray("fundingOrganization").addObject();
        funder.put("id", settings.reportingOrgRef());
        funder.put("name", settings.reportingOrgName());
        ObjectNode location = node.putArray("beneficiaryLocation").addObject();
        location.put("name", location(grant));
        if (grant.countryCode() != null) {
            location.put("countryCode", grant.countryCode());
        }
        node.put("dateModified", now());
        return node;
    }

    private String grantId(PublicAward grant) {
        return settings.grantPrefix() + "-" + grant.publicId();
    }

    /** Cities have no registered identifier: 360Giving allows one made from the publisher's prefix. */
    private String recipientId(PublicAward grant) {
        return settings.grantPrefix() + "-" + grant.recipientId();
    }

    private static String location(PublicAward grant) {
        return grant.withheld() ? grant.regionName() : grant.recipientName() + ", " + grant.regionName();
    }

    private static String describe(Period period) {
        if (period.from() == null && period.to() == null) {
            return "";
        }
        return ", awards made " + (period.from() == null ? "until " + period.to()
                : period.to() == null ? "from " + period.from() : "from " + period.from() + " to " + period.to());
    }

    private static void row(StringBuilder csv, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(Csv.cell(cells.get(i)));
        }
        csv.append("\r\n");
    }

    private static LocalDate day(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC).toLocalDate();
    }

    private String now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
