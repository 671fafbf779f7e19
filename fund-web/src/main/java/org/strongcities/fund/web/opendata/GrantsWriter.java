package org.strongcities.fund.web.opendata;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.stereotype.Component;
import org.strongcities.fund.web.opendata.DisclosurePolicy.PublicAward;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

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
     * The package. The 360Giving package schema asks for at least one grant, so a package without
     * awards would be invalid: the caller checks that the period has awards (OpenDataController
     * answers "nothing to publish" otherwise), and this refuses rather than write one.
     */
    public void json(Stream<AwardRecord> awards, Period period, Writer out) {
        Iterator<AwardRecord> each = atLeastOne(awards);
        // Written as it goes (one grant's tree at a time), and the Writer stays the caller's to close.
        try (JsonGenerator generator = json.createGenerator(out).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)) {
            generator.writeStartObject();
            generator.writeStringField("version", "1.4");
            generator.writeStringField("title", "Technical Support Fund of the Strong Cities Network: grants" + describe(period));
            generator.writeStringField("issued", now());
            generator.writeObjectFieldStart("publisher");
            generator.writeStringField("identifier", settings.reportingOrgRef());
            generator.writeStringField("name", settings.reportingOrgName());
            generator.writeEndObject();
            generator.writeArrayFieldStart("grants");
            while (each.hasNext()) {
                generator.writeTree(grant(DisclosurePolicy.publish(each.next())));
            }
            generator.writeEndArray();
            generator.writeEndObject();
            generator.writeRaw("\n");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the grants package", e);
        }
    }

    /** The same grants as rows; like the package, only for at least one award (a CSV becomes a package when read). */
    public void csv(Stream<AwardRecord> awards, Writer out) {
        Iterator<AwardRecord> each = atLeastOne(awards);
        row(out, CSV_COLUMNS);
        String modified = now();
        each.forEachRemaining(award -> {
            PublicAward grant = DisclosurePolicy.publish(award);
            AwardRecord source = grant.source();
            row(out, List.of(grantId(grant), grant.title(), grant.description(), IatiCodes.CURRENCY,
                    source.amountUsd().toPlainString(), source.paidUsd().subtract(source.refundedUsd()).toPlainString(),
                    day(source.madeAt()).toString(), recipientId(grant), grant.recipientName(),
                    settings.reportingOrgRef(), settings.reportingOrgName(), day(source.madeAt()).toString(),
                    source.endDate() == null ? "" : source.endDate().toString(), location(grant),
                    grant.countryCode() == null ? "" : grant.countryCode(), modified));
        });
    }

    /** The awards, after making sure there is one: asked before the first byte, so nothing half-written is left. */
    private static Iterator<AwardRecord> atLeastOne(Stream<AwardRecord> awards) {
        Iterator<AwardRecord> each = awards.iterator();
        if (!each.hasNext()) {
            throw new IllegalArgumentException("A 360Giving file needs at least one grant; there is no award to publish");
        }
        return each;
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

    private static void row(Writer csv, List<String> cells) {
        try {
            for (int i = 0; i < cells.size(); i++) {
                if (i > 0) {
                    csv.write(',');
                }
                csv.write(Csv.cell(cells.get(i)));
            }
            csv.write("\r\n");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the grants file", e);
        }
    }

    private static LocalDate day(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC).toLocalDate();
    }

    private String now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
