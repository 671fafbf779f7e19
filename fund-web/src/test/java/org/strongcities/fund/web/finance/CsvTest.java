package org.strongcities.fund.web.finance;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class CsvTest {

    @Test
    void textThatASpreadsheetWouldRunIsDefusedAndQuotedWhenNeeded() {
        assertThat(Csv.cell("=1+2")).isEqualTo("'=1+2");
        assertThat(Csv.cell("+31 20 555")).isEqualTo("'+31 20 555");
        assertThat(Csv.cell("-cmd")).isEqualTo("'-cmd");
        assertThat(Csv.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(Csv.cell("\t=1")).isEqualTo("'\t=1");
        assertThat(Csv.cell("a, b")).isEqualTo("\"a, b\"");
        assertThat(Csv.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(Csv.cell("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(Csv.cell("=A1,\"x\"")).isEqualTo("\"'=A1,\"\"x\"\"\"");
        assertThat(Csv.cell("plain")).isEqualTo("plain");
        assertThat(Csv.cell(null)).isEmpty();
    }

    @Test
    void numbersAndDatesStayValues() {
        assertThat(Csv.cell(new BigDecimal("-2500.00"))).isEqualTo("-2500.00");
        assertThat(Csv.cell(new BigDecimal("1E+3"))).isEqualTo("1000");
        assertThat(Csv.cell(7)).isEqualTo("7");
        assertThat(Csv.cell(LocalDate.of(2026, 3, 1))).isEqualTo("2026-03-01");
        StringBuilder line = new StringBuilder();
        Csv.line(line, Arrays.asList("a", null, new BigDecimal("1.50")));
        assertThat(line).hasToString("a,,1.50\r\n");
    }
}
