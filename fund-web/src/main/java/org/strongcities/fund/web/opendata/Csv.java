package org.strongcities.fund.web.opendata;

/**
 * RFC 4180 cells that a spreadsheet will not run: a text cell starting with =, +, -, @, a tab or a
 * carriage return is prefixed with an apostrophe (OWASP "CSV injection"), and every cell is quoted.
 * Plain numbers are left alone, so a negative amount stays a number.
 */
final class Csv {

    private Csv() {
    }

    static String cell(String value) {
        String text = value == null ? "" : value;
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 && !text.matches("-?\\d+(\\.\\d+)?")) {
            text = "'" + text;
        }
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }
}
