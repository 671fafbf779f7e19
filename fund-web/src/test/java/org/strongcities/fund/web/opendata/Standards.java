package org.strongcities.fund.web.opendata;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXParseException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The published standards, offline: the IATI 2.03 schemas and codelists and the 360Giving JSON
 * schemas in {@code shared/standards}, found by walking up from the working directory (CI puts a
 * copy of shared/ beside the repository, so from fund-web it is ../../shared/standards).
 */
final class Standards {

    private static final Path ROOT = locate();

    private Standards() {
    }

    static Path root() {
        return ROOT;
    }

    private static Path locate() {
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("standards");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("No shared/standards folder in " + start + " or any folder above it. The open-data "
                + "tests validate against the published IATI 2.03 and 360Giving schemas kept there (CI checks out "
                + "shared/ beside the repository); put a copy of shared/ next to the repository and run again.");
    }

    /** Every problem the IATI XSD finds; empty when the document is valid. */
    static List<String> iatiProblems(String xml, String schemaFile) {
        try {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            javax.xml.validation.Schema schema = factory.newSchema(ROOT.resolve("iati-2.03").resolve(schemaFile).toFile());
            Validator validator = schema.newValidator();
            List<String> problems = new ArrayList<>();
            validator.setErrorHandler(new ErrorHandler() {
                public void warning(SAXParseException e) {
                }

                public void error(SAXParseException e) {
                    problems.add("line " + e.getLineNumber() + ": " + e.getMessage());
                }

                public void fatalError(SAXParseException e) {
                    problems.add("line " + e.getLineNumber() + ": " + e.getMessage());
                }
            });
            validator.validate(new StreamSource(new StringReader(xml)));
            return problems;
        } catch (Exception e) {
            throw new IllegalStateException("Cannot validate against " + schemaFile + ": " + e.getMessage(), e);
        }
    }

    /** The codes of one IATI codelist shipped with the standard. */
    static Set<String> codelist(String name) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            Document document = factory.newDocumentBuilder().parse(ROOT.resolve("iati-2.03/codelists/" + name + ".xml").toFile());
            NodeList codes = document.getElementsByTagName("code");
            Set<String> result = new LinkedHashSet<>();
            for (int i = 0; i < codes.getLength(); i++) {
                result.add(codes.item(i).getTextContent().trim());
            }
            return result;
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read codelist " + name + ": " + e.getMessage(), e);
        }
    }

    /**
     * Every problem the 360Giving package schema finds. The package schema refers to the grant
     * schema by its published URL (1.4.2, while the grant schema's own $id says 1.4.3): both URLs
     * are mapped to the local file, so nothing is fetched.
     */
    static List<Error> givingProblems(String json) {
        try {
            String grant = Files.readString(ROOT.resolve("360giving/360-giving-schema.json"));
            String pkg = Files.readString(ROOT.resolve("360giving/360-giving-package-schema.json"));
            String base = "https://raw.githubusercontent.com/ThreeSixtyGiving/standard/";
            Map<String, String> local = Map.of(
                    base + "1.4.2/schema/360-giving-schema.json", grant,
                    base + "1.4.3/schema/360-giving-schema.json", grant,
                    base + "1.4.3/schema/360-giving-package-schema.json", pkg);
            // Formats are asserted: awardDate is oneOf(date-time format, date pattern), which only
            // works when "format" is checked rather than treated as an annotation.
            SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                    builder -> builder.schemas(local::get)
                            .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
            Schema schema = registry.getSchema(SchemaLocation.of(base + "1.4.3/schema/360-giving-package-schema.json"));
            return schema.validate(json, InputFormat.JSON);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
