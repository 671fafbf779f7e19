package org.strongcities.fund.domain.api;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.axonframework.serialization.Revision;

/**
 * Events are the stored contract. Every event class (found by scanning the api package, so a new
 * event cannot be forgotten) is filled with sample values and must come back equal from JSON.
 */
class EventSerializationTest {

    private final JacksonSerializer serializer = JacksonSerializer.defaultSerializer();

    @Test
    void everyEventRoundTripsThroughJackson() throws Exception {
        List<Class<?>> events = new ClassFileImporter().importPackages("org.strongcities.fund.domain.api").stream()
                .filter(javaClass -> javaClass.getSimpleName().endsWith("Event"))
                .map(JavaClass::reflect)
                .toList();
        assertThat(events).hasSizeGreaterThan(40);
        for (Class<?> eventClass : events) {
            assertThat(eventClass.isRecord()).as(eventClass + " is a record").isTrue();
            assertThat(eventClass.getAnnotation(Revision.class)).as(eventClass + " has a @Revision").isNotNull();
            Object event = SampleValues.of(eventClass);
            SerializedObject<String> json = serializer.serialize(event, String.class);
            Object back = serializer.deserialize(json);
            assertThat(back).as(json.getData()).isEqualTo(event);
        }
    }

    @Test
    void moneyIsStoredAsAmountAndCurrencyOnly() {
        String json = serializer.serialize(Money.usd("40000"), String.class).getData();
        assertThat(json).isEqualTo("{\"amount\":40000.00,\"currency\":\"USD\"}");
    }

    /** Builds a record with a plausible value in every component, recursively. */
    static final class SampleValues {

        static Object of(Type type) throws Exception {
            if (type instanceof ParameterizedType parameterized) {
                Object element = of(parameterized.getActualTypeArguments()[0]);
                return parameterized.getRawType() == Set.class ? Set.of(element) : List.of(element);
            }
            Class<?> raw = (Class<?>) type;
            if (raw == String.class) {
                return "sample";
            } else if (raw == int.class) {
                return 2;
            } else if (raw == boolean.class) {
                return true;
            } else if (raw == BigDecimal.class) {
                return new BigDecimal("1.1");
            } else if (raw == LocalDate.class) {
                return LocalDate.of(2025, 3, 31);
            } else if (raw == Money.class) {
                return Money.of("1234.50", "USD");
            } else if (raw == Conversion.class) {
                return Conversion.of(Money.of("1000", "EUR"), "USD", new BigDecimal("1.0825"), "ECB reference rate", LocalDate.of(2025, 3, 31));
            } else if (raw == Earmark.class) {
                return Earmark.region(Region.WEST_AFRICA);
            } else if (raw == CriterionScore.class) {
                return new CriterionScore(ReviewCriterion.FEASIBILITY, 4);
            } else if (raw.isEnum()) {
                return raw.getEnumConstants()[raw.getEnumConstants().length - 1];
            } else if (raw.isRecord()) {
                RecordComponent[] components = raw.getRecordComponents();
                Object[] values = new Object[components.length];
                Class<?>[] types = new Class<?>[components.length];
                for (int i = 0; i < components.length; i++) {
                    values[i] = of(components[i].getGenericType());
                    types[i] = components[i].getType();
                }
                return raw.getDeclaredConstructor(types).newInstance(values);
            }
            throw new IllegalArgumentException("No sample for " + type);
        }
    }
}
