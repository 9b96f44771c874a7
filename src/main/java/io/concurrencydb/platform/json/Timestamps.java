package io.concurrencydb.platform.json;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Timestamps as the API writes them: exactly what DateTimeFormatter.ISO_OFFSET_DATE_TIME writes
 * ("2026-12-04T22:28:55.720207Z", the fraction without trailing zeros, none when zero). The service's
 * timestamps are UTC (Sql.utc) and those of years 0 to 9999 are written here by hand: the formatter was 3 % of a
 * list's CPU, two timestamps per product. Any other goes to the formatter.
 */
public final class Timestamps {

    public static String text(OffsetDateTime time) {
        int year = time.getYear();
        if (time.getOffset().getTotalSeconds() != 0 || year < 0 || year > 9999) {
            return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time);
        }
        char[] text = new char[30];
        digits(text, 0, year, 4);
        text[4] = '-';
        digits(text, 5, time.getMonthValue(), 2);
        text[7] = '-';
        digits(text, 8, time.getDayOfMonth(), 2);
        text[10] = 'T';
        digits(text, 11, time.getHour(), 2);
        text[13] = ':';
        digits(text, 14, time.getMinute(), 2);
        text[16] = ':';
        digits(text, 17, time.getSecond(), 2);
        int end = 19;
        int nano = time.getNano();
        if (nano != 0) {
            text[end] = '.';
            digits(text, end + 1, nano, 9);
            end += 10;
            while (text[end - 1] == '0') {
                end--;
            }
        }
        text[end++] = 'Z';
        return new String(text, 0, end);
    }

    private static void digits(char[] text, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            text[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    private Timestamps() {
    }
}
