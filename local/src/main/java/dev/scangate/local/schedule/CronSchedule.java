package dev.scangate.local.schedule;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code cron(minutes hours day-of-month month day-of-week year)} with EventBridge's rules: UTC,
 * exactly one of day-of-month and day-of-week is {@code ?}, day-of-week 1 is Sunday, and the
 * {@code L}, {@code W} and {@code #} wildcards.
 */
public record CronSchedule(
        String expression,
        BitSet minutes,
        BitSet hours,
        DayOfMonth dayOfMonth,
        BitSet months,
        DayOfWeekRule dayOfWeek,
        BitSet years) implements ScheduleExpression {

    private static final int MAX_YEAR = 2199;
    private static final List<String> MONTHS =
            List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC");
    private static final List<String> DAYS = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");

    /** Day-of-month: {@code ?}, a set of days, {@code L} (last day), {@code LW} or {@code nW}. */
    public record DayOfMonth(boolean any, BitSet days, boolean last, boolean lastWeekday, int nearestWeekdayTo) {

        boolean matches(LocalDate date) {
            int length = date.lengthOfMonth();
            if (any) {
                return true;
            }
            if (last) {
                return date.getDayOfMonth() == length;
            }
            if (lastWeekday) {
                return date.equals(weekdayOnOrBefore(date.withDayOfMonth(length)));
            }
            if (nearestWeekdayTo > 0) {
                return nearestWeekdayTo <= length && date.equals(nearestWeekday(date.withDayOfMonth(nearestWeekdayTo)));
            }
            return days.get(date.getDayOfMonth());
        }
    }

    /** Day-of-week (1 = Sunday): {@code ?}, a set of days, {@code nL} (last n of the month) or {@code n#k}. */
    public record DayOfWeekRule(boolean any, BitSet days, int lastOfMonth, int nthDay, int nth) {

        boolean matches(LocalDate date) {
            int day = eventBridgeDay(date.getDayOfWeek());
            if (any) {
                return true;
            }
            if (lastOfMonth > 0) {
                return day == lastOfMonth && date.plusWeeks(1).getMonth() != date.getMonth();
            }
            if (nth > 0) {
                return day == nthDay && (date.getDayOfMonth() - 1) / 7 + 1 == nth;
            }
            return days.get(day);
        }
    }

    static CronSchedule parse(String expression) {
        String body = expression.substring("cron(".length(), expression.length() - 1).trim();
        String[] f = body.split("\\s+");
        if (f.length != 6) {
            throw new InvalidScheduleException(expression,
                    "cron takes 6 fields (minutes hours day-of-month month day-of-week year), found " + f.length);
        }
        var minutes = values(expression, "minutes", f[0], 0, 59, List.of());
        var hours = values(expression, "hours", f[1], 0, 23, List.of());
        var months = values(expression, "month", f[3], 1, 12, MONTHS);
        var years = values(expression, "year", f[5], 1970, MAX_YEAR, List.of());
        boolean domAny = f[2].equals("?");
        boolean dowAny = f[4].equals("?");
        if (domAny == dowAny) {
            throw new InvalidScheduleException(expression,
                    "exactly one of day-of-month and day-of-week must be '?' (e.g. cron(0 12 * * ? *))");
        }
        var dayOfMonth = domAny ? new DayOfMonth(true, null, false, false, 0) : dayOfMonth(expression, f[2]);
        var dayOfWeek = dowAny ? new DayOfWeekRule(true, null, 0, 0, 0) : dayOfWeek(expression, f[4]);
        return new CronSchedule(expression, minutes, hours, dayOfMonth, months, dayOfWeek, years);
    }

    @Override
    public Optional<Instant> nextAfter(Instant anchor, Instant after) {
        var start = after.truncatedTo(ChronoUnit.MINUTES).plus(1, ChronoUnit.MINUTES).atOffset(ZoneOffset.UTC);
        LocalDate date = start.toLocalDate();
        LocalTime from = start.toLocalTime();
        while (date.getYear() <= MAX_YEAR) {
            if (years.get(date.getYear()) && months.get(date.getMonthValue())
                    && dayOfMonth.matches(date) && dayOfWeek.matches(date)) {
                Optional<LocalTime> time = firstTimeAtOrAfter(from);
                if (time.isPresent()) {
                    return Optional.of(date.atTime(time.get()).toInstant(ZoneOffset.UTC));
                }
            }
            date = date.plusDays(1);
            from = LocalTime.MIDNIGHT;
        }
        return Optional.empty();
    }

    private Optional<LocalTime> firstTimeAtOrAfter(LocalTime from) {
        for (int h = hours.nextSetBit(from.getHour()); h >= 0; h = hours.nextSetBit(h + 1)) {
            int firstMinute = h == from.getHour() ? from.getMinute() : 0;
            int m = minutes.nextSetBit(firstMinute);
            if (m >= 0) {
                return Optional.of(LocalTime.of(h, m));
            }
        }
        return Optional.empty();
    }

    private static DayOfMonth dayOfMonth(String expression, String field) {
        if (field.equals("L")) {
            return new DayOfMonth(false, null, true, false, 0);
        }
        if (field.equals("LW")) {
            return new DayOfMonth(false, null, false, true, 0);
        }
        if (field.endsWith("W")) {
            int day = number(expression, "day-of-month", field.substring(0, field.length() - 1), 1, 31, List.of());
            return new DayOfMonth(false, null, false, false, day);
        }
        return new DayOfMonth(false, values(expression, "day-of-month", field, 1, 31, List.of()), false, false, 0);
    }

    private static DayOfWeekRule dayOfWeek(String expression, String field) {
        if (field.length() > 1 && field.endsWith("L")) {
            int day = number(expression, "day-of-week", field.substring(0, field.length() - 1), 1, 7, DAYS);
            return new DayOfWeekRule(false, null, day, 0, 0);
        }
        int hash = field.indexOf('#');
        if (hash >= 0) {
            int day = number(expression, "day-of-week", field.substring(0, hash), 1, 7, DAYS);
            int nth = number(expression, "day-of-week", field.substring(hash + 1), 1, 5, List.of());
            return new DayOfWeekRule(false, null, 0, day, nth);
        }
        return new DayOfWeekRule(false, values(expression, "day-of-week", field, 1, 7, DAYS), 0, 0, 0);
    }

    private static BitSet values(String expression, String name, String field, int min, int max, List<String> names) {
        var set = new BitSet(max + 1);
        for (String part : field.split(",", -1)) {
            if (part.isEmpty()) {
                throw new InvalidScheduleException(expression, name + " field '" + field + "' has an empty list item");
            }
            String range = part;
            int step = 1;
            int slash = part.indexOf('/');
            if (slash >= 0) {
                range = part.substring(0, slash);
                step = number(expression, name + " step", part.substring(slash + 1), 1, max, List.of());
            }
            int low;
            int high;
            if (range.equals("*")) {
                low = min;
                high = max;
            } else if (range.contains("-")) {
                String[] ends = range.split("-", -1);
                if (ends.length != 2) {
                    throw new InvalidScheduleException(expression, name + " range '" + range + "' must be a-b");
                }
                low = number(expression, name, ends[0], min, max, names);
                high = number(expression, name, ends[1], min, max, names);
                if (low > high) {
                    throw new InvalidScheduleException(expression, name + " range '" + range + "' runs backwards");
                }
            } else {
                low = number(expression, name, range, min, max, names);
                high = slash >= 0 ? max : low;
            }
            for (int v = low; v <= high; v += step) {
                set.set(v);
            }
        }
        return set;
    }

    private static int number(String expression, String name, String text, int min, int max, List<String> names) {
        int byName = names.indexOf(text.toUpperCase(Locale.ROOT));
        if (byName >= 0) {
            return byName + 1;
        }
        int value;
        try {
            value = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new InvalidScheduleException(expression, name + " value '" + text + "' is not understood"
                    + (names.isEmpty() ? "" : " (numbers " + min + "-" + max + " or " + String.join(", ", names) + ")"));
        }
        if (value < min || value > max) {
            throw new InvalidScheduleException(expression, name + " value " + value + " is outside " + min + "-" + max);
        }
        return value;
    }

    private static int eventBridgeDay(DayOfWeek day) {
        return day.getValue() % 7 + 1;
    }

    private static LocalDate weekdayOnOrBefore(LocalDate date) {
        return switch (date.getDayOfWeek()) {
            case SATURDAY -> date.minusDays(1);
            case SUNDAY -> date.minusDays(2);
            default -> date;
        };
    }

    /** The weekday nearest to {@code date}, never leaving its month (the cron {@code W} rule). */
    private static LocalDate nearestWeekday(LocalDate date) {
        return switch (date.getDayOfWeek()) {
            case SATURDAY -> date.getDayOfMonth() == 1 ? date.plusDays(2) : date.minusDays(1);
            case SUNDAY -> date.equals(date.with(TemporalAdjusters.lastDayOfMonth())) ? date.minusDays(2) : date.plusDays(1);
            default -> date;
        };
    }
}
